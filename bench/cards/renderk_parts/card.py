"""Layout and printing of the e-KTP front side."""
import cv2
import numpy as np
from PIL import Image

from .cardbg import card_background
from .portrait import portrait, signature
from .util import FAMILIES, draw_text, font_for_cap, rounded_mask, text_w
from .values import short_reg

CARD_W_MM, CARD_H_MM = 85.6, 54.0
LABELS = {
    "nama": [("Nama", 10)],
    "ttl": [("Tempat/Tgl Lahir", 8), ("Tempat/Tgl. Lahir", 4), ("Tempat / Tgl Lahir", 1), ("Tempat/Tgl.Lahir", 1)],
    "jk": [("Jenis Kelamin", 10), ("Jenis kelamin", 1)],
    "gol": [("Gol. Darah", 7), ("Gol Darah", 3), ("Gol.Darah", 1)],
    "alamat": [("Alamat", 10)],
    "rtrw": [("RT/RW", 8), ("RT / RW", 2)],
    "kel": [("Kel/Desa", 7), ("Kel / Desa", 2), ("Kel./Desa", 1)],
    "kec": [("Kecamatan", 10)],
    "agama": [("Agama", 10)],
    "status": [("Status Perkawinan", 10)],
    "kerja": [("Pekerjaan", 10)],
    "wn": [("Kewarganegaraan", 10)],
    "berlaku": [("Berlaku Hingga", 8), ("Berlaku hingga", 2)],
}


def _wrap(text, f, maxw, sx):
    words, lines, cur = text.split(" "), [], ""
    for wd in words:
        t = (cur + " " + wd).strip()
        if text_w(f, t) * sx <= maxw or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = wd
    lines.append(cur)
    return lines


def make_style(rng):
    fams = list(FAMILIES)
    fam = rng.ch(fams, [FAMILIES[k][2] for k in fams])
    st = dict(
        fam=fam, label_bold=rng.p(0.08), value_bold=rng.p(0.12), header_bold=rng.p(0.85),
        cap=rng.u(1.45, 1.85), pitch=rng.u(2.35, 2.8), hdr_cap=rng.u(1.9, 2.6), nik_cap=rng.u(2.4, 3.2),
        label_x=rng.u(2.8, 5.5), colon_gap=rng.u(0.4, 2.5), value_gap=rng.u(0.6, 1.8),
        photo_x=rng.u(60.5, 63.5), photo_w=rng.u(17.5, 20.5), photo_below_nik=rng.p(0.75), photo_dy=rng.u(0.6, 2.0),
        sub_indent=rng.u(0.8, 2.5) if rng.p(0.55) else 0.0, nik_own_colon=rng.p(0.35),
        sx=1.0 if "narrow" in fam or "cond" in fam or rng.p(0.6) else rng.u(0.86, 0.98),
        hb1=rng.u(4.2, 5.6), hdr_gap=rng.u(0.35, 0.75), nik_gap=rng.u(4.2, 6.0), row0_gap=rng.u(3.2, 4.2),
        gol_x=rng.u(43.0, 50.0), shift=(rng.n(0, 0.35), rng.n(0, 0.35)), rot=rng.n(0, 0.25),
        ink=rng.u(0, 55), ink_alpha=rng.u(0.82, 1.0), blur=rng.u(0.2, 0.7),
        place_full=rng.p(0.35), issue_gap=rng.u(2.2, 3.6), worn=rng.p(0.18),
    )
    st["label_variant"] = {k: rng.ch([v[0] for v in vs], [v[1] for v in vs]) for k, vs in LABELS.items()}
    return st


def render_card(rng, fields, extra, s):
    """Return (RGBA uint8 card image, style dict)."""
    st = make_style(rng)
    W, H = int(round(CARD_W_MM * s)), int(round(CARD_H_MM * s))
    bg = card_background(rng, H, W, s)
    rf, bf = FAMILIES[st["fam"]][:2]
    lab_f = font_for_cap(bf if st["label_bold"] else rf, st["cap"] * s)
    val_f = font_for_cap(bf if st["value_bold"] else rf, st["cap"] * s)
    hdr_f = font_for_cap(bf if st["header_bold"] else rf, st["hdr_cap"] * s)
    nik_f = font_for_cap(bf, st["nik_cap"] * s)
    nikl_f = font_for_cap(bf, st["nik_cap"] * 0.9 * s)
    sx = st["sx"]
    lv = st["label_variant"]
    ink = (int(st["ink"]), int(st["ink"]), int(st["ink"] + rng.u(0, 25)), 255)
    layer = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    cx = W / 2 + rng.n(0, 0.4) * s
    # header
    y = st["hb1"] * s
    for line in ("PROVINSI " + fields["provinsi"], fields["kabupaten_kota"]):
        tw = text_w(hdr_f, line) * sx
        q = min(sx, 78 * s / max(tw / sx, 1))
        draw_text(layer, (cx, y), line, hdr_f, ink, sx=q, anchor="ms")
        y += st["hdr_cap"] * s * (1 + st["hdr_gap"])
    # columns
    lx = st["label_x"] * s
    max_lab = max(text_w(lab_f, lv[k]) for k in ("ttl", "status", "wn", "berlaku", "jk")) * sx
    colon_x = lx + max_lab + st["colon_gap"] * s
    val_x = colon_x + text_w(lab_f, ":") * sx + st["value_gap"] * s
    maxw = st["photo_x"] * s - 1.0 * s - val_x
    # NIK row
    nik_y = y - st["hdr_cap"] * s * (1 + st["hdr_gap"]) + st["nik_gap"] * s
    draw_text(layer, (lx, nik_y), "NIK", nikl_f, ink, sx=sx)
    ncx = colon_x if not st["nik_own_colon"] else lx + text_w(nikl_f, "NIK") * sx + st["colon_gap"] * s * 2
    draw_text(layer, (ncx, nik_y), ":", nikl_f, ink, sx=sx)
    nvx = ncx + text_w(nikl_f, ":") * sx + st["value_gap"] * s
    nw = text_w(nik_f, fields["nik"])
    if st["photo_below_nik"]:
        photo_y = nik_y + st["photo_dy"] * s
        nik_max = W - 3.5 * s - nvx
    else:
        photo_y = nik_y - st["nik_cap"] * s - st["photo_dy"] * 0.5 * s
        nik_max = st["photo_x"] * s - 1.0 * s - nvx
    draw_text(layer, (nvx, nik_y), fields["nik"], nik_f, ink, sx=min(sx, nik_max / nw))
    # the rows
    f = fields
    birth = extra["birth_print"]
    rows = [("nama", f["nama"], True), ("ttl", f"{f['tempat_lahir']}, {birth}", False),
            ("jk", f["jenis_kelamin"], False), ("alamat", f["alamat"], True),
            ("rtrw", f["rt_rw"], False), ("kel", f["kel_desa"], False), ("kec", f["kecamatan"], False),
            ("agama", f["agama"], False), ("status", f["status_perkawinan"], False),
            ("kerja", f["pekerjaan"], False), ("wn", f["kewarganegaraan"], False),
            ("berlaku", f["berlaku_hingga"], False)]
    laid = []
    for key, val, wraps in rows:
        vsx = sx
        lines = [val]
        if wraps:
            lines = _wrap(val, val_f, maxw, vsx)
            while len(lines) > 2 or max(text_w(val_f, l) for l in lines) * vsx > maxw:
                vsx *= 0.95
                lines = _wrap(val, val_f, maxw, vsx)
        else:
            vsx = min(sx, maxw / max(1, text_w(val_f, val)))
        laid.append((key, lines, vsx))
    n_lines = sum(len(l[1]) for l in laid)
    row0 = nik_y + st["row0_gap"] * s
    pitch = min(st["pitch"] * s, (52.6 * s - row0) / (n_lines - 1))
    y = row0
    gl = lv["gol"]
    gpad1, gpad2 = rng.u(0.4, 1.2) * s, rng.u(0.4, 1.2) * s
    gw_all = (text_w(lab_f, gl + ":") + text_w(val_f, "AB")) * sx + gpad1 + gpad2
    gol_x = max(st["gol_x"] * s, val_x + text_w(val_f, "PEREMPUAN") * sx + 2.0 * s)
    gol_x = min(gol_x, st["photo_x"] * s - 0.8 * s - gw_all)
    jk_end = val_x + text_w(val_f, f["jenis_kelamin"]) * sx + 1.2 * s
    gsx = sx
    if gol_x < jk_end:  # squeeze the Gol. Darah group between the value and the photo
        avail = st["photo_x"] * s - 0.6 * s - jk_end
        gsx = sx * max(0.5, avail / gw_all)
        gpad1, gpad2 = gpad1 * gsx / sx, gpad2 * gsx / sx
        gol_x = jk_end
    for key, lines, vsx in laid:
        jy = rng.n(0, 0.08) * s
        ind = st["sub_indent"] * s if key in ("rtrw", "kel", "kec") else 0.0
        draw_text(layer, (lx + ind, y + jy), lv[key], lab_f, ink, sx=sx)
        draw_text(layer, (colon_x, y + jy), ":", lab_f, ink, sx=sx)
        for j, line in enumerate(lines):
            draw_text(layer, (val_x, y + jy + j * pitch), line, val_f, ink, sx=vsx)
        if key == "jk":
            gw = draw_text(layer, (gol_x, y + jy), gl, lab_f, ink, sx=gsx)
            gc = gol_x + gw + gpad1
            cw = draw_text(layer, (gc, y + jy), ":", lab_f, ink, sx=gsx)
            draw_text(layer, (gc + cw + gpad2, y + jy), f["golongan_darah"], val_f, ink, sx=gsx)
        y += pitch * len(lines)
    # right column: photo, place and date, signature
    px, py, pw = st["photo_x"] * s, photo_y, st["photo_w"] * s
    ph = pw * 4 / 3
    room_h = H - 1.2 * s - py - (st["issue_gap"] + st["cap"] * 1.45 + 4.0) * s  # keep place, date, signature on the card
    if ph > room_h:
        ph, pw = room_h, room_h * 3 / 4
        px += (st["photo_w"] * s - pw) / 2
    pimg = portrait(rng, int(ph), int(pw), extra["male"], extra["hijab"], extra["age"])
    x0, y0 = int(px), int(py)
    bg[y0:y0 + pimg.shape[0], x0:x0 + pimg.shape[1]] = pimg
    place = short_reg(extra["regname"]) if not st["place_full"] else extra["regname"].replace("KABUPATEN ", "KAB. ")
    pf = font_for_cap(rf, st["cap"] * 0.92 * s)
    pcx = px + pw / 2
    yy = py + ph + st["issue_gap"] * s
    draw_text(layer, (pcx, yy), place, pf, ink, sx=min(sx, pw * 1.25 / text_w(pf, place)), anchor="ms")
    yy += st["cap"] * s * 1.45
    draw_text(layer, (pcx, yy), extra["issue"], pf, ink, sx=sx, anchor="ms")
    sig = np.zeros((H, W, 3), np.uint8)
    signature(sig, rng, px + pw * 0.1, yy + 0.6 * s, pw * 0.8, min(6 * s, H - yy - 1.6 * s), (255, 255, 255), max(1, int(0.22 * s)))
    # misprint offset, ink, softness
    layer = layer.rotate(st["rot"], resample=Image.BICUBIC, center=(W / 2, H / 2),
                         translate=(st["shift"][0] * s, st["shift"][1] * s))
    a = np.asarray(layer)[..., 3].astype(np.float32) / 255.0
    a = np.maximum(a, sig[..., 0].astype(np.float32) / 255.0 * rng.u(0.7, 1.0))
    a = cv2.GaussianBlur(a, (0, 0), st["blur"] * s / 12.0) * st["ink_alpha"]
    out = bg.astype(np.float32)
    inkc = np.array(ink[:3], np.float32)
    out = out * (1 - a[..., None]) + inkc * a[..., None]
    if st["worn"]:
        out = wear(rng, out, s)
    alpha = rounded_mask(H, W, 3.18 * s)
    rgba = np.dstack([np.clip(out, 0, 255).astype(np.uint8), alpha])
    info = {k: st[k] for k in ("fam", "cap", "pitch", "sx", "worn", "label_bold", "value_bold")}
    info["labels"] = lv
    info["px_per_mm"] = round(s, 2)
    return rgba, info


def wear(rng, img, s):
    """Faded, yellowed, scratched and dirty card."""
    h, w = img.shape[:2]
    m = img.mean(axis=(0, 1), keepdims=True)
    img = m + (img - m) * rng.u(0.6, 0.9) + rng.u(5, 25)
    img *= np.array([1.0, rng.u(0.95, 1.0), rng.u(0.82, 0.96)], np.float32)
    scr = np.zeros((h, w), np.float32)
    for _ in range(rng.i(5, 40)):
        x, y = rng.u(0, w), rng.u(0, h)
        ang, ln = rng.u(0, np.pi), rng.u(2, 25) * s
        cv2.line(scr, (int(x), int(y)), (int(x + np.cos(ang) * ln), int(y + np.sin(ang) * ln)),
                 rng.u(0.2, 0.7), 1, cv2.LINE_AA)
    img += scr[..., None] * 60
    yy, xx = np.mgrid[0:h, 0:w]
    edge = np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy)).astype(np.float32)
    img *= (1 - 0.18 * np.exp(-edge / (1.5 * s)))[..., None]
    return img
