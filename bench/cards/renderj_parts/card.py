"""Draw the front of one e-KTP card (flat, card pixel space) with its text boxes."""
import os

import cv2
import numpy as np
from PIL import Image, ImageDraw

from . import card_bg, fonts
from .data import dmy

LABELS = ["Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", "RT/RW", "Kel/Desa", "Kecamatan", "Agama",
          "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
KEYS = ["nama", "ttl", "jenis_kelamin", "alamat", "rt_rw", "kel_desa", "kecamatan", "agama",
        "status_perkawinan", "pekerjaan", "kewarganegaraan", "berlaku_hingga"]


def text_w(font, s):
    return font.getlength(s)


def wrap(font, s, maxw):
    """Split on spaces into lines no wider than maxw (first line greedy)."""
    words, lines, cur = s.split(" "), [], ""
    for wd in words:
        t = (cur + " " + wd).strip()
        if cur and text_w(font, t) > maxw:
            lines.append(cur)
            cur = wd
        else:
            cur = t
    lines.append(cur)
    return lines


def fit_font(path, size, s, maxw):
    f = fonts.load(path, size)
    while text_w(f, s) > maxw and size > 8:
        size *= 0.93
        f = fonts.load(path, size)
    return f


def draw_text(draw, xy, s, font, boxes=None, key=None):
    draw.text(xy, s, font=font, fill=255)
    if boxes is not None:
        b = draw.textbbox(xy, s, font=font)
        if key in boxes:
            o = boxes[key]
            b = (min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3]))
        boxes[key] = b


def render_card(rng, fields, extra, width):
    """Returns (rgb uint8, alpha uint8, info dict with boxes and effects)."""
    W = int(width)
    H = int(round(W * 54 / 85.6))
    bg, bginfo = card_bg.background(rng, W, H)
    scheme = fonts.choose_scheme(rng)
    ink = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(ink)
    boxes = {}
    caps = rng.random() < 0.2
    k = rng.uniform(0.92, 1.08)
    s_val = H * 0.040 * k
    s_nik = H * rng.uniform(0.055, 0.068)
    s_head = H * rng.uniform(0.045, 0.056)
    left = W * rng.uniform(0.025, 0.045)
    photo_x0 = W * rng.uniform(0.71, 0.74)
    # header
    hf = scheme["header"]["path"]
    y = H * rng.uniform(0.025, 0.04)
    for key, s in (("prov_line", "PROVINSI " + fields["provinsi"]), ("kab_line", fields["kabupaten_kota"])):
        f = fit_font(hf, s_head, s, W * 0.9)
        tw = text_w(f, s)
        draw_text(d, ((W - tw) / 2 + W * rng.normal(0, 0.004), y), s, f, boxes, key)
        y += s_head * rng.uniform(1.15, 1.3)
    # NIK row
    nf_path = scheme["nik"]["path"]
    lab_nik_font = fonts.load(scheme["header"]["path"], s_nik * rng.uniform(0.85, 1.0))
    y_nik = y + H * rng.uniform(0.02, 0.04)
    draw_text(d, (left, y_nik), "NIK", lab_nik_font, boxes, "nik_label")
    colx_nik = left + W * rng.uniform(0.13, 0.2)
    draw_text(d, (colx_nik, y_nik), ":", lab_nik_font)
    nx = colx_nik + W * rng.uniform(0.02, 0.035)
    nf = fit_font(nf_path, s_nik, fields["nik"], photo_x0 - nx - W * 0.01)
    draw_text(d, (nx, y_nik + (s_nik - nf.size) * 0.5), fields["nik"], nf, boxes, "nik")
    # label column
    lf = fonts.load(scheme["label"]["path"], s_val * rng.uniform(0.9, 1.02))
    vf_path = scheme["value"]["path"]
    vf = fonts.load(vf_path, s_val)
    y0 = y_nik + s_nik * rng.uniform(1.35, 1.6)
    colx = left + max(text_w(lf, "Status Perkawinan" if not caps else "STATUS PERKAWINAN"), W * 0.2) + W * rng.uniform(0.005, 0.02)
    vx = colx + W * rng.uniform(0.012, 0.02)
    indent = W * rng.uniform(0.02, 0.035) if rng.random() < 0.6 else 0.0
    maxw = photo_x0 - vx - W * 0.015
    values = dict(fields)
    values["ttl"] = f"{fields['tempat_lahir']}, {dmy(fields['tanggal_lahir'])}"
    if fields["berlaku_hingga"] != "SEUMUR HIDUP":
        values["berlaku_hingga"] = dmy(fields["berlaku_hingga"])
    rows = []
    for lab, key in zip(LABELS, KEYS):
        lab = lab.upper() if caps else lab
        if key in ("nama", "alamat"):
            lines = wrap(vf, values[key], maxw)
        else:
            lines = [values[key]]
        rows.append((lab, key, lines))
    nlines = sum(len(r[2]) for r in rows)
    avail = H * 0.975 - y0
    pitch = min(H * 0.062, avail / nlines * rng.uniform(0.86, 0.98))
    wrap_pitch = pitch * rng.uniform(0.82, 1.0)
    y = y0
    gol_label = "GOL. DARAH" if caps else "Gol. Darah"
    for lab, key, lines in rows:
        lx = left + (indent if key in ("rt_rw", "kel_desa", "kecamatan") else 0)
        jit = W * rng.normal(0, 0.0015)
        draw_text(d, (lx, y), lab, lf)
        draw_text(d, (colx + jit, y), ":", lf)
        for i, line in enumerate(lines):
            f = vf if key in ("nama", "alamat") else fit_font(vf_path, s_val, line, maxw)
            draw_text(d, (vx + jit, y), line, f, boxes, key)
            if i < len(lines) - 1:
                y += wrap_pitch
        if key == "jenis_kelamin":
            gx = max(vx + text_w(vf, line) + W * 0.04, W * rng.uniform(0.44, 0.5))
            draw_text(d, (gx, y), gol_label, lf)
            gcx = gx + text_w(lf, gol_label) + W * 0.008
            draw_text(d, (gcx, y), ":", lf)
            draw_text(d, (gcx + W * 0.015, y), fields["golongan_darah"], vf, boxes, "golongan_darah")
        y += pitch
    # photo, issue place/date, signature
    pw = int(W * rng.uniform(0.2, 0.23))
    ph = int(pw * 4 / 3)
    px, py = int(photo_x0 + (W * 0.97 - photo_x0 - pw) / 2), int(H * rng.uniform(0.2, 0.27))
    female = fields["jenis_kelamin"] == "PEREMPUAN"
    ph = min(ph, int(H * 0.56))
    photo = card_bg.face(rng, pw, ph, female).astype(np.float32) / 255
    sf = fonts.load(scheme["value"]["path"], s_val * rng.uniform(0.78, 0.92))
    ycur = py + ph + H * 0.02
    for s in (extra["issue_place"], extra["issue_date"]):
        f = fit_font(scheme["value"]["path"], sf.size, s, W - photo_x0 - W * 0.02)
        draw_text(d, (px + pw / 2 - text_w(f, s) / 2, ycur), s, f, boxes, "issue")
        ycur += sf.size * 1.15
    sig_h = int(H * 0.09)
    sig = card_bg.signature(rng, pw, sig_h)
    sy = int(min(ycur + H * 0.005, H - sig_h - H * 0.02))
    # compose: background, photo, ink
    img = bg.copy()
    img[py:py + ph, px:px + pw] = photo
    a = np.asarray(ink, np.float32) / 255.0
    bleed = rng.uniform(0.0, 0.6) * W / 1000
    if bleed > 0.15:
        a = np.clip(cv2.GaussianBlur(a, (0, 0), bleed) * 1.15, 0, 1)
    ink_col = np.array([0.06, 0.07, 0.10], np.float32) + rng.uniform(0, 0.12)
    dens = rng.uniform(0.8, 1.0)
    img = img * (1 - a[..., None] * dens) + ink_col * a[..., None] * dens
    sa = np.zeros((H, W), np.float32)
    sa[sy:sy + sig_h, px:px + pw] = sig.astype(np.float32) / 255
    sig_col = np.array([0.1, 0.1, 0.35], np.float32) if rng.random() < 0.5 else ink_col
    img = img * (1 - sa[..., None] * 0.9) + sig_col * sa[..., None] * 0.9
    eff = dict(bginfo)
    eff.update(fonts={kk: os.path.basename(v["path"]) for kk, v in scheme.items() if kk != "kind"},
               font_kind=scheme["kind"], labels_caps=bool(caps), value_px=round(float(s_val), 1),
               nik_px=round(float(nf.size), 1), card_px=[W, H],
               name_lines=len(rows[0][2]), alamat_lines=len(rows[3][2]))
    img = age(rng, img, eff, boxes)
    rgb = (np.clip(img, 0, 1) * 255).astype(np.uint8)
    alpha = np.zeros((H, W), np.uint8)
    r = int(W * 0.037)
    cv2.rectangle(alpha, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(alpha, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cx, cy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(alpha, (cx, cy), r, 255, -1, cv2.LINE_AA)
    info = dict(boxes=boxes, value_cap=s_val * 0.72, nik_cap=nf.size * 0.72, effects=eff)
    return rgb, alpha, info


def age(rng, img, eff, boxes):
    """Fading, yellowing, scratches, grease, photocopy."""
    H, W = img.shape[:2]
    if rng.random() < 0.3:
        t = rng.uniform(0.1, 0.45)
        img = img * (1 - t) + np.array([0.93, 0.86, 0.62], np.float32) * t * (img.mean(2, keepdims=True) + 0.2)
        eff["yellowed"] = round(float(t), 2)
    if rng.random() < 0.3:
        t = rng.uniform(0.1, 0.35)
        img = img * (1 - t) + t * 0.92
        eff["faded"] = round(float(t), 2)
    if rng.random() < 0.35:
        m = np.zeros((H, W), np.uint8)
        n = int(rng.integers(3, 40))
        for _ in range(n):
            p = rng.uniform([0, 0], [W, H]).astype(int)
            v = rng.normal(0, 1, 2)
            L = rng.uniform(0.03, 0.5) * W
            q = (p + v / np.linalg.norm(v) * L).astype(int)
            cv2.line(m, tuple(int(c) for c in p), tuple(int(c) for c in q), int(rng.integers(80, 255)), 1, cv2.LINE_AA)
        img = img + (m.astype(np.float32) / 255 * rng.uniform(0.1, 0.3))[..., None]
        eff["scratches"] = n
    if rng.random() < 0.25:
        g = card_bg.smooth_noise(rng, H, W, W / 8)
        g = np.clip((g - 0.6) * 3, 0, 1)[..., None]
        img = img * (1 - 0.12 * g) + 0.12 * g * np.array([0.95, 0.93, 0.85], np.float32)
        eff["grease"] = True
    if rng.random() < 0.08:
        gray = img.mean(2, keepdims=True)
        c = rng.uniform(1.2, 1.7)
        gray = np.clip((gray - 0.6) * c + rng.uniform(0.62, 0.75), 0, 1)
        noise = rng.normal(0, 0.04, (H, W, 1)).astype(np.float32)
        img = np.repeat(gray + noise, 3, 2)
        eff["photocopy"] = True
    return img
