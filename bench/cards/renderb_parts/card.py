"""Draw the front of one e-KTP card and the boxes of its values."""

import math

import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFilter

from .fonts import FONT_FAMILIES, font
from .identity import make_address
from .drawing import CARD_MM, catmull, draw_portrait, draw_text, fit_font


def draw_card(r, nrng, fields, extra):
    W = r.randint(1600, 2000)
    H = int(round(W * CARD_MM[1] / CARD_MM[0]))
    s = W / CARD_MM[0]  # px per mm
    info = {"card_px": [W, H]}

    # ---- background colour gradient
    hue = r.choice(["blue", "blue", "cyan", "green"])
    if hue == "blue":
        c_top = np.array([r.randint(170, 205), r.randint(212, 232), r.randint(238, 252)], np.float32)
        c_bot = np.array([r.randint(125, 165), r.randint(185, 215), r.randint(222, 242)], np.float32)
    elif hue == "cyan":
        c_top = np.array([r.randint(180, 210), r.randint(228, 244), r.randint(238, 252)], np.float32)
        c_bot = np.array([r.randint(120, 160), r.randint(200, 222), r.randint(218, 238)], np.float32)
    else:
        c_top = np.array([r.randint(190, 215), r.randint(232, 246), r.randint(226, 242)], np.float32)
        c_bot = np.array([r.randint(140, 175), r.randint(208, 226), r.randint(200, 220)], np.float32)
    yy = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    xx = np.linspace(0, 1, W, dtype=np.float32)[None, :, None]
    tmix = np.clip(yy * 0.8 + 0.2 * xx * r.uniform(-1, 1), 0, 1)
    base = c_top * (1 - tmix) + c_bot * tmix
    # subtle radial lighter zone (centre of security print)
    cxr, cyr = r.uniform(0.3, 0.6), r.uniform(0.4, 0.7)
    rad = np.sqrt((xx - cxr) ** 2 + ((yy - cyr) * 0.63) ** 2)
    base = base + (np.exp(-(rad / 0.25) ** 2) * r.uniform(4, 12)).astype(np.float32)
    card = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "RGB")

    # ---- guilloche: overlapping sine-wave line families
    ov = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    od = ImageDraw.Draw(ov)
    nfam = r.randint(3, 6)
    xs = np.linspace(-10, W + 10, 360)
    for f in range(nfam):
        lam = r.uniform(0.12, 0.6) * W
        amp = r.uniform(0.015, 0.09) * H
        nlines = r.randint(14, 40)
        spacing = r.uniform(0.012, 0.04) * H
        phase0 = r.uniform(0, 2 * math.pi)
        dphase = r.uniform(0.05, 0.35)
        y0 = r.uniform(-0.1, 0.7) * H
        lum = r.choice([-1, 1])
        col = (int(c_bot[0] * 0.7), int(c_bot[1] * 0.8), int(c_bot[2] * 0.9)) if lum < 0 else (255, 255, 255)
        alpha = r.randint(40, 95) if lum < 0 else r.randint(70, 140)
        lw = max(1, int(round(s * r.uniform(0.05, 0.12))))
        mod_lam = r.uniform(0.5, 2.0) * W
        for k in range(nlines):
            ph = phase0 + k * dphase
            ys = y0 + k * spacing + amp * np.sin(2 * math.pi * xs / lam + ph) * \
                (0.6 + 0.4 * np.sin(2 * math.pi * xs / mod_lam + k * 0.1))
            od.line(list(zip(xs.tolist(), ys.tolist())), fill=col + (alpha,), width=lw)
    # rosette
    if r.random() < 0.8:
        rcx, rcy = r.uniform(0.25, 0.7) * W, r.uniform(0.3, 0.8) * H
        R0 = r.uniform(0.12, 0.22) * W
        petals = r.randint(6, 18)
        col = (int(c_bot[0] * 0.75), int(c_bot[1] * 0.85), int(c_bot[2] * 0.92), r.randint(25, 55))
        th = np.linspace(0, 2 * math.pi, 720)
        for k in range(r.randint(6, 14)):
            rr = R0 * (0.45 + 0.55 * k / 14) * (1 + 0.12 * np.sin(petals * th + k * 0.4))
            pts = list(zip((rcx + rr * np.cos(th)).tolist(), (rcy + rr * np.sin(th)).tolist()))
            od.line(pts, fill=col, width=max(1, int(s * 0.07)))
    # watermark: island chain map and round emblem
    q4 = 4.0
    wm = Image.new("RGBA", (int(W / q4), int(H / q4)), (0, 0, 0, 0))
    wd0 = ImageDraw.Draw(wm)

    class _Scaled:  # draw in full-card coordinates onto the quarter-size layer
        def ellipse(self, b, **k):
            if "width" in k:
                k["width"] = max(1, int(k["width"] / q4))
            wd0.ellipse([v / q4 for v in b], **k)

        def polygon(self, pts, **k):
            wd0.polygon([(x / q4, y / q4) for x, y in pts], **k)
    wd = _Scaled()
    wcol = (int(c_bot[0] * 0.8), int(c_bot[1] * 0.88), int(c_bot[2] * 0.95))
    wa = r.randint(22, 45)
    x = r.uniform(0.05, 0.15) * W
    ymap = r.uniform(0.35, 0.6) * H
    while x < r.uniform(0.75, 0.95) * W:
        iw = r.uniform(0.02, 0.12) * W
        ih = iw * r.uniform(0.25, 0.8)
        yc = ymap + 0.12 * H * math.sin(x / W * 3.0) + r.uniform(-0.05, 0.05) * H
        wd.ellipse([x, yc - ih / 2, x + iw, yc + ih / 2], fill=wcol + (wa,))
        x += iw * r.uniform(0.6, 1.3)
    if r.random() < 0.7:
        ecx, ecy = r.uniform(0.3, 0.55) * W, r.uniform(0.4, 0.65) * H
        er = r.uniform(0.09, 0.15) * W
        wd.ellipse([ecx - er, ecy - er, ecx + er, ecy + er], outline=wcol + (wa + 10,), width=max(2, int(s * 0.3)))
        pts = []
        for k in range(10):
            a = -math.pi / 2 + k * math.pi / 5
            rr = er * (0.8 if k % 2 == 0 else 0.35)
            pts.append((ecx + rr * math.cos(a), ecy + rr * math.sin(a)))
        wd.polygon(pts, fill=wcol + (wa,))
    wm = wm.filter(ImageFilter.GaussianBlur(s * 0.15 / q4)).resize((W, H), Image.BILINEAR)
    card = card.convert("RGBA")
    card.alpha_composite(wm)
    card.alpha_composite(ov)
    # micro text
    if r.random() < 0.5:
        mt = Image.new("RGBA", (W, H), (0, 0, 0, 0))
        md = ImageDraw.Draw(mt)
        fpath = FONT_FAMILIES["LiberationSans"][0]
        mf = font(fpath, max(8, int(s * 0.9)))
        txt = ("REPUBLIK INDONESIA " * 20)
        a = r.randint(18, 35)
        for yv in np.arange(r.uniform(0, 6) * s, H, r.uniform(5.5, 9) * s):
            md.text((-r.uniform(0, 30 * s), yv), txt, font=mf, fill=wcol + (a,))
        card.alpha_composite(mt)
    card = card.convert("RGB")
    draw = ImageDraw.Draw(card)

    # ---- typography
    fam = r.choice(list(FONT_FAMILIES.keys()))
    freg, fbold = FONT_FAMILIES[fam][0], FONT_FAMILIES[fam][1]
    lab_fam = fam if r.random() < 0.8 else r.choice(list(FONT_FAMILIES.keys()))
    flab = FONT_FAMILIES[lab_fam][0]
    info["font"] = fam
    info["label_font"] = lab_fam
    ink = (r.randint(10, 40),) * 3
    ink = (ink[0], ink[1], ink[2] + r.randint(0, 15))
    jit = lambda: r.uniform(0.85, 1.15)

    # photo area
    ph_w = r.uniform(19.0, 21.5) * s
    ph_h = ph_w * r.uniform(1.22, 1.32)
    ph_x = W - r.uniform(3.2, 4.8) * s - ph_w
    ph_y = r.uniform(11.0, 13.0) * s

    # header
    hsize = 2.75 * s * jit()
    fh = font(fbold, hsize)
    prov_line = "PROVINSI " + fields["provinsi"]
    kab_line = fields["kabupaten_kota"]
    hy1 = r.uniform(4.2, 5.0) * s
    hy2 = hy1 + hsize * r.uniform(1.1, 1.3)
    for txt, yv in ((prov_line, hy1), (kab_line, hy2)):
        fhh = fit_font(fbold, hsize, txt, W * 0.9, 1.0)
        wv = fhh.getlength(txt)
        draw.text((W / 2 - wv / 2 + r.uniform(-0.3, 0.3) * s, yv), txt, font=fhh, fill=ink, anchor="ls")

    # rows
    label_x = r.uniform(2.3, 3.6) * s
    colon_frac = 0.265 + r.uniform(-0.08, 0.08)
    colon_x = colon_frac * W
    info["colon_x_frac"] = round(colon_frac, 3)
    gap = r.uniform(0.5, 1.0) * s
    val_x = colon_x + gap + 0.4 * s
    val_max = ph_x - r.uniform(1.0, 2.0) * s - val_x

    nik_size = 3.3 * s * jit()
    row_font = 2.15 * s * jit()
    lab_font = row_font * r.uniform(0.92, 1.05)
    pitch = 2.78 * s * jit()

    addr_two = r.random() < 0.3
    alamat = make_address(r, extra["origin"], addr_two)
    fields["alamat"] = alamat
    fval = font(freg, row_font)
    addr_lines = [alamat]
    if addr_two or fval.getlength(alamat) > val_max * 1.25:
        words = alamat.split(" ")
        if len(words) >= 2:
            best = None
            for k in range(1, len(words)):
                a, b = " ".join(words[:k]), " ".join(words[k:])
                la, lb = fval.getlength(a), fval.getlength(b)
                score = max(la, lb) + (0 if la >= lb else 0.15 * la)
                if best is None or score < best[0]:
                    best = (score, a, b)
            if addr_two or best[0] < fval.getlength(alamat):
                addr_lines = [best[1], best[2]]
    info["address_two_lines"] = len(addr_lines) == 2

    nik_y = ph_y + r.uniform(-0.5, 1.2) * s + nik_size * 0.72
    n_rows = 12 + (len(addr_lines) - 1)
    first_y = nik_y + max(nik_size * 0.7 + pitch * 0.35, pitch * r.uniform(1.05, 1.3))
    bottom = 52.6 * s
    if first_y + (n_rows - 1) * pitch > bottom:
        pitch = (bottom - first_y) / (n_rows - 1)
    row_font = min(row_font, pitch * 0.86)
    lab_font = min(lab_font, pitch * 0.86)
    info["row_pitch_mm"] = round(pitch / s, 3)
    info["font_mm"] = round(row_font / s, 3)

    lab_variants = {
        "ttl": r.choice(["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir", "Tempat/Tgl Lahir"]),
        "kel": r.choice(["Kel/Desa", "Kel / Desa", "Kel/Desa"]),
        "gol": r.choice(["Gol. Darah", "Gol Darah"]),
    }
    labels = ["Nama", lab_variants["ttl"], "Jenis Kelamin", "Alamat", "RT/RW", lab_variants["kel"],
              "Kecamatan", "Agama", "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
    indent = r.choice([0.0, 0.0, r.uniform(1.0, 2.5)]) * s  # sub-rows of Alamat indented on some cards
    lab_max = colon_x - label_x - 0.4 * s
    longest = max(labels, key=lambda t: font(flab, lab_font).getlength(t))
    flabel = fit_font(flab, lab_font, longest, lab_max, 0.82)
    lab_squeeze_max = lab_max
    colon_font = font(freg, row_font)

    def label_row(y, text, sub=False):
        x0 = label_x + (indent if sub else 0)
        draw_text(card, draw, x0, y, text, flabel, ink, max_w=lab_squeeze_max - (indent if sub else 0))
        draw.text((colon_x, y), ":", font=colon_font, fill=ink, anchor="ls")

    def value(y, text, x=None, max_w=None):
        xv = val_x if x is None else x
        mw = val_max if max_w is None else max_w
        f = fit_font(freg, row_font, text, mw, 0.72)
        return draw_text(card, draw, xv, y, text, f, ink, max_w=mw)

    boxes = {}
    # NIK
    fnik_lab = font(fbold if r.random() < 0.6 else freg, nik_size * r.uniform(0.8, 1.0))
    draw.text((label_x, nik_y), "NIK", font=fnik_lab, fill=ink, anchor="ls")
    fnik = font(fbold, nik_size)
    draw.text((colon_x, nik_y), ":", font=fnik, fill=ink, anchor="ls")
    nik_x = val_x + r.uniform(0, 1.0) * s
    nik_text = fields["nik"]
    if r.random() < 0.3:
        nik_text_draw = nik_text
        nw = draw_text(card, draw, nik_x, nik_y, nik_text_draw, fnik, ink, max_w=val_max)
    else:
        nw = draw_text(card, draw, nik_x, nik_y, nik_text, fnik, ink, max_w=val_max)
    boxes["nik"] = (nik_x, nik_y - nik_size * 0.8, nik_x + nw, nik_y + nik_size * 0.1)

    y = first_y
    rowy = {}
    ttl_val = "%s, %s" % (fields["tempat_lahir"], "-".join(reversed(fields["tanggal_lahir"].split("-"))))
    order = ["nama", "ttl", "jk", "alamat", "rtrw", "kel", "kec", "agama", "status", "pekerjaan", "wn", "berlaku"]
    vals = {"nama": fields["nama"], "ttl": ttl_val, "jk": fields["jenis_kelamin"],
            "rtrw": fields["rt_rw"], "kel": fields["kel_desa"], "kec": fields["kecamatan"],
            "agama": fields["agama"], "status": fields["status_perkawinan"],
            "pekerjaan": fields["pekerjaan"], "wn": fields["kewarganegaraan"], "berlaku": fields["berlaku_hingga"]}
    for key, lab in zip(order, labels):
        sub = key in ("rtrw", "kel", "kec")
        label_row(y, lab, sub)
        rowy[key] = y
        if key == "alamat":
            for li, line in enumerate(addr_lines):
                value(y, line)
                if li < len(addr_lines) - 1:
                    y += pitch
        elif key == "jk":
            vw = value(y, vals[key], max_w=val_max * 0.5)
            gol_lab = lab_variants["gol"]
            gx = max(val_x + vw + r.uniform(2.0, 4.0) * s, val_x + val_max * r.uniform(0.44, 0.52))
            fg = flabel
            gl_w = fg.getlength(gol_lab)
            rest = fg.getlength(" : AB")
            if gx + gl_w + rest > val_x + val_max:
                gx = max(val_x + vw + 1.2 * s, val_x + val_max - gl_w - rest)
            draw_text(card, draw, gx, y, gol_lab, fg, ink, max_w=max(10, val_x + val_max - gx - rest))
            gx2 = gx + min(gl_w, val_x + val_max - gx - rest) + 0.6 * s
            draw.text((gx2, y), ":", font=colon_font, fill=ink, anchor="ls")
            draw.text((gx2 + colon_font.getlength(": "), y), fields["golongan_darah"],
                      font=font(freg, row_font), fill=ink, anchor="ls")
        else:
            vw = value(y, vals[key])
            if key in ("nama", "ttl"):
                boxes[key] = (val_x, y - row_font * 0.78, val_x + vw, y + row_font * 0.1)
        y += pitch

    # photo, issue place/date, signature
    pim = draw_portrait(r, int(ph_w), int(ph_h), extra["male"], extra["origin"])
    card.paste(pim, (int(ph_x), int(ph_y)))
    fsm = font(freg, row_font * r.uniform(0.85, 1.0))
    pcx = ph_x + ph_w / 2
    iy1 = ph_y + ph_h + r.uniform(2.4, 3.2) * s
    for txt, yv in ((extra["issue_place"], iy1), (extra["issue_date"], iy1 + pitch * r.uniform(0.85, 1.0))):
        ff = fit_font(freg, fsm.size, txt, ph_w * 1.25, 1.0)
        draw.text((pcx - ff.getlength(txt) / 2, yv), txt, font=ff, fill=ink, anchor="ls")
    sy0 = iy1 + pitch * 1.3
    sy1 = min(H - 1.8 * s, sy0 + 6 * s)
    npts = r.randint(6, 12)
    pts = []
    amp = (sy1 - sy0) * r.uniform(0.25, 0.5)
    ymid = (sy0 + sy1) / 2
    xs0, xs1 = ph_x + ph_w * r.uniform(0.05, 0.25), ph_x + ph_w * r.uniform(0.75, 0.95)
    for k in range(npts):
        t = k / (npts - 1)
        x = xs0 + (xs1 - xs0) * t + r.uniform(-0.06, 0.06) * ph_w
        y = ymid + amp * math.sin(t * r.uniform(3, 9) + r.uniform(-0.5, 0.5)) * r.uniform(0.4, 1.0)
        pts.append((x, y))
    sig = catmull(pts, 12)
    scol = r.choice([(20, 20, 30), (20, 30, 90), (40, 40, 50)])
    draw.line(sig, fill=scol, width=max(2, int(s * r.uniform(0.15, 0.25))), joint="curve")
    if r.random() < 0.5:
        yl = ymid + amp * r.uniform(0.6, 1.2)
        xa = xs0 + r.uniform(0, 0.3) * (xs1 - xs0)
        draw.line([(xa, yl), (xa + (xs1 - xs0) * r.uniform(0.3, 0.7), yl + r.uniform(-0.6, 0.6) * s)], fill=scol,
                  width=max(2, int(s * 0.15)))

    arr = np.asarray(card).astype(np.float32)
    # faded / yellowed
    if r.random() < 0.15:
        amt = r.uniform(0.08, 0.3)
        yel = np.array([235, 222, 180], np.float32)
        arr = arr * (1 - amt) + yel * amt
        info["yellowed"] = round(amt, 3)
    if r.random() < 0.12:
        fade = r.uniform(0.1, 0.3)
        arr = arr * (1 - fade) + 235 * fade
        info["faded"] = round(fade, 3)

    # rounded-corner mask (antialiased)
    rad = 3.18 * s * r.uniform(0.85, 1.15)
    ss = 4
    m = Image.new("L", (W // ss * ss // ss * 1, H // ss * 1), 0)
    mbig = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mbig).rounded_rectangle([0, 0, W - 1, H - 1], radius=int(rad), fill=255)
    mask = np.asarray(mbig.filter(ImageFilter.GaussianBlur(0.8))).astype(np.float32) / 255.0
    # edge rim (card thickness / lamination edge)
    rim = mask - cv2.erode(mask, np.ones((3, 3), np.uint8), iterations=max(1, int(s * 0.1)))
    rim_col = np.array([r.randint(150, 235)] * 3, np.float32)
    arr = arr * (1 - rim[..., None] * 0.6) + rim_col * rim[..., None] * 0.6
    return np.clip(arr, 0, 255).astype(np.uint8), mask, boxes, s, info
