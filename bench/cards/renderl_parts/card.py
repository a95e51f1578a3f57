"""Layout and printing of the e-KTP front side."""
import numpy as np
import cv2
from .util import font, draw_text, composite_ink, cap_height, pick, chance, wpick, KTP_BODY
from .cardbg import card_background
from .portrait import portrait, signature

CARD_MM = (85.6, 54.0)
LABELS = {
    "nik": ["NIK"],
    "nama": ["Nama"],
    "ttl": [("Tempat/Tgl Lahir", 5), ("Tempat/Tgl. Lahir", 3), ("Tempat / Tgl Lahir", 1), ("Tempat/Tgl.Lahir", 1)],
    "jk": ["Jenis Kelamin"],
    "gol": [("Gol. Darah", 5), ("Gol Darah", 3), ("Gol.Darah", 1)],
    "alamat": ["Alamat"],
    "rtrw": [("RT/RW", 6), ("RT / RW", 2)],
    "kel": [("Kel/Desa", 5), ("Kel / Desa", 2), ("Kel./Desa", 1)],
    "kec": ["Kecamatan"],
    "agama": ["Agama"],
    "status": [("Status Perkawinan", 8), ("Status Kawin", 1)],
    "kerja": ["Pekerjaan"],
    "wn": ["Kewarganegaraan"],
    "berlaku": [("Berlaku Hingga", 8), ("Berlaku hingga", 1)],
}


def _label(rng, key, caps):
    opts = LABELS[key]
    lab = opts[0] if isinstance(opts[0], str) else wpick(rng, opts)
    return lab.upper() if caps else lab


def _fit_font(family, target_cap_px, bold=False):
    px = max(6, int(round(target_cap_px / 0.72)))
    f = font(family, px, bold)
    c = cap_height(f)
    if c > 0 and abs(c - target_cap_px) > 1:
        f = font(family, max(6, int(round(px * target_cap_px / c))), bold)
    return f


def _wrap(text, fnt, sx, avail):
    """Greedy split into at most two lines at spaces."""
    if fnt.getlength(text) * sx <= avail or " " not in text:
        return [text]
    words = text.split(" ")
    line = words[0]
    for i in range(1, len(words)):
        cand = line + " " + words[i]
        if fnt.getlength(cand) * sx > avail:
            return [line, " ".join(words[i:])]
        line = cand
    return [text]


def render_card(fields, meta, rng, s):
    """Draw the card at s px/mm. Returns float32 RGB image (0..1) and a layout description."""
    W, H = int(round(CARD_MM[0] * s)), int(round(CARD_MM[1] * s))
    img, bginfo = card_background(H, W, s, rng)
    mm = lambda v: v * s
    fam = wpick(rng, KTP_BODY)
    vfam = fam if chance(rng, 0.8) else wpick(rng, KTP_BODY)
    hfam = fam if chance(rng, 0.7) else wpick(rng, KTP_BODY)
    caps = chance(rng, 0.05)
    sx = 1.0 if chance(rng, 0.6) else rng.uniform(0.82, 1.06)
    cap = mm(rng.uniform(1.5, 1.9))
    lf = _fit_font(fam, cap)
    vf = _fit_font(vfam, cap * rng.uniform(0.97, 1.06), bold=chance(rng, 0.08))
    hf = _fit_font(hfam, mm(rng.uniform(2.0, 2.6)), bold=True)
    nf = _fit_font(pick(rng, [fam, fam, hfam, "liberation", "arimo", "ocrb"]), mm(rng.uniform(2.3, 3.0)), bold=True)
    fake_bold = 1 if (s > 18 and chance(rng, 0.25)) else 0
    mask = np.zeros((H, W), np.uint8)
    # misprint: all text shifted / rotated together relative to the background
    dx, dy = rng.normal(0, mm(0.35)), rng.normal(0, mm(0.3))
    left = mm(rng.uniform(2.5, 4.5)) + dx
    # header
    hb1 = mm(rng.uniform(4.6, 5.6)) + dy
    hb2 = hb1 + mm(rng.uniform(2.9, 3.6))
    hcx = W / 2 + dx + mm(rng.uniform(-1.5, 1.5))
    hsx = min(sx if chance(rng, 0.5) else 1.0, (W * 0.92) / max(1, hf.getlength("PROVINSI " + fields["provinsi"])))
    hsx2 = min(hsx, (W * 0.92) / max(1, hf.getlength(fields["kabupaten_kota"])))
    draw_text(mask, (hcx, hb1), "PROVINSI " + fields["provinsi"], hf, sx=hsx, anchor="ms")
    draw_text(mask, (hcx, hb2), fields["kabupaten_kota"], hf, sx=hsx2, anchor="ms")
    # photo block on the right third
    pw = mm(rng.uniform(18, 21.5))
    ph = pw * rng.uniform(1.25, 1.35)
    px0 = W - mm(rng.uniform(3, 5)) - pw + dx * 0.3
    nb = hb2 + mm(rng.uniform(4.0, 5.2))  # NIK baseline
    py0 = nb + mm(rng.uniform(-2.8, 1.2))
    if py0 + ph > mm(rng.uniform(40.5, 42)):  # keep room for place, date and signature
        ph = mm(rng.uniform(40.5, 42)) - py0
        pw2 = ph / rng.uniform(1.25, 1.35)
        px0 += pw - pw2
        pw = pw2
    # label / colon columns
    labels = {k: _label(rng, k, caps) for k in LABELS}
    indent_sub = mm(rng.uniform(1.5, 4)) if chance(rng, 0.55) else 0.0
    lw = max(lf.getlength(labels[k]) * sx + (indent_sub if k in ("rtrw", "kel", "kec") else 0)
             for k in LABELS if k not in ("gol", "nik"))
    colon_x = left + lw + mm(rng.uniform(0.6, 2.6))
    val_x = colon_x + mm(rng.uniform(0.9, 2.0))
    right = px0 - mm(rng.uniform(0.8, 2.2))
    avail = right - val_x
    # NIK row (may run on beside the photo's top if the photo starts lower)
    nlab = _fit_font(pick(rng, [fam, hfam]), cap_height(nf) * rng.uniform(0.85, 1.0), bold=True)
    draw_text(mask, (left, nb), labels["nik"], nlab, sx=sx, bold_px=fake_bold)
    nik_txt = fields["nik"]
    nik_right = right if py0 < nb + mm(0.3) else W - mm(2.5)
    nsx = min(1.0 if chance(rng, 0.5) else sx, (nik_right - val_x) / max(1, nf.getlength(nik_txt)))
    draw_text(mask, (colon_x, nb), ":", nlab)
    draw_text(mask, (val_x, nb), nik_txt, nf, sx=nsx, bold_px=fake_bold)
    # the body rows
    d = fields["tanggal_lahir"].split("-")
    ttl = fields["tempat_lahir"] + pick(rng, [", ", ", ", ","]) + "%s-%s-%s" % (d[2], d[1], d[0])
    rows = [("nama", fields["nama"], True), ("ttl", ttl, False), ("jk", fields["jenis_kelamin"], False),
            ("alamat", fields["alamat"], True), ("rtrw", fields["rt_rw"], False), ("kel", fields["kel_desa"], False),
            ("kec", fields["kecamatan"], False), ("agama", fields["agama"], False),
            ("status", fields["status_perkawinan"], False), ("kerja", fields["pekerjaan"], False),
            ("wn", fields["kewarganegaraan"], False), ("berlaku", fields["berlaku_hingga"], False)]
    vsx = sx if chance(rng, 0.7) else 1.0
    lines = []
    for key, val, wrappable in rows:
        parts = _wrap(val, vf, vsx, avail) if wrappable else [val]
        assert " ".join(parts) == val
        lines.append((key, parts))
    nlines = sum(len(p) for _, p in lines)
    first = nb + mm(rng.uniform(2.9, 3.8))
    bottom = mm(rng.uniform(51.0, 52.5)) + dy
    pitch = min(mm(rng.uniform(2.7, 3.2)), (bottom - first) / (nlines - 1))
    y = first
    jitter = mm(0.08)
    gol_x = None
    for key, parts in lines:
        lx = left + (indent_sub if key in ("rtrw", "kel", "kec") else 0)
        yy = y + rng.normal(0, jitter)
        draw_text(mask, (lx, yy), labels[key], lf, sx=sx, bold_px=fake_bold)
        draw_text(mask, (colon_x, yy), ":", lf, bold_px=fake_bold)
        for j, part in enumerate(parts):
            fs = min(vsx, avail / max(1.0, vf.getlength(part)))
            if key == "jk":
                fs = vsx
            draw_text(mask, (val_x, yy + j * pitch), part, vf, sx=fs, bold_px=fake_bold)
        if key == "jk":
            g1, g2 = mm(rng.uniform(0.5, 1.5)), mm(rng.uniform(0.9, 1.8))
            gsx = sx
            need = lf.getlength(labels["gol"]) * gsx + g1 + lf.getlength(":") + g2 + vf.getlength("AB") * vsx
            lo = val_x + vf.getlength("PEREMPUAN") * vsx + mm(1.2)
            gx = max(lo + mm(rng.uniform(0.3, 3.5)), left + mm(rng.uniform(38, 44)))
            gx = min(gx, right - need)
            if gx < lo:  # not enough room: squeeze the label
                gsx = max(0.6, gsx * (right - lo - (need - lf.getlength(labels["gol"]) * gsx)) / (lf.getlength(labels["gol"]) * gsx))
                gx = lo
            gol_x = gx
            gw = draw_text(mask, (gx, yy), labels["gol"], lf, sx=gsx, bold_px=fake_bold)
            cx2 = gx + gw + g1
            draw_text(mask, (cx2, yy), ":", lf, bold_px=fake_bold)
            draw_text(mask, (cx2 + g2, yy), fields["golongan_darah"], vf, sx=vsx, bold_px=fake_bold)
        y += pitch * len(parts)
    # place + date of issue under the photo, then the signature
    place = meta["regency_bare"] if chance(rng, 0.75) else fields["kabupaten_kota"].replace("KABUPATEN ", "KAB. ")
    small = _fit_font(vfam, cap * rng.uniform(0.85, 1.0))
    pcx = px0 + pw / 2
    pb = py0 + ph + mm(rng.uniform(2.4, 3.2))
    psx = min(1.0, (pw + mm(4)) / max(1, small.getlength(place)))
    draw_text(mask, (pcx, pb), place, small, sx=psx, anchor="ms")
    draw_text(mask, (pcx, pb + mm(rng.uniform(2.3, 2.9))), meta["issue"], small, anchor="ms")
    # ink
    rot = rng.normal(0, 0.25)
    if abs(rot) > 0.05:
        M = cv2.getRotationMatrix2D((W / 2, H / 2), rot, 1.0)
        mask = cv2.warpAffine(mask, M, (W, H), flags=cv2.INTER_LINEAR)
    if s > 14 and chance(rng, 0.3):  # ink spread of thermal-transfer printers
        mask = cv2.GaussianBlur(mask, (0, 0), rng.uniform(0.3, 0.7) * s / 16)
    ink = rng.uniform(0.78, 1.0)
    ink_col = (int(rng.uniform(5, 45)), int(rng.uniform(5, 45)), int(rng.uniform(10, 60)))
    img = composite_ink(img, mask, ink_col, ink)
    # photo
    pimg, pbg = portrait(int(pw), int(ph), rng, meta["male"], meta["age"])
    x0, y0 = int(px0), int(py0)
    pa = pimg.astype(np.float32) / 255
    hh, ww = min(pa.shape[0], H - y0), min(pa.shape[1], W - x0)
    img[y0:y0 + hh, x0:x0 + ww] = img[y0:y0 + hh, x0:x0 + ww] * 0.08 + pa[:hh, :ww] * 0.92
    sig_top = int(pb + mm(3.2))
    sh = int(min(H - mm(1.2), sig_top + mm(rng.uniform(5, 8))) - sig_top)
    if sh > 4:
        sw = int(pw * rng.uniform(0.9, 1.2))
        sig = signature(sw, sh, rng, thick=max(1, int(s / 12)))
        smask = np.zeros((H, W), np.uint8)
        sx0 = int(pcx - sw / 2)
        sub = smask[sig_top:sig_top + sh, max(0, sx0):sx0 + sw]
        sub[:] = sig[:sub.shape[0], :sub.shape[1]]
        img = composite_ink(img, smask, (int(rng.uniform(10, 40)), int(rng.uniform(10, 40)), int(rng.uniform(40, 90))), ink * 0.9)
    info = {"font": fam, "value_font": vfam, "header_font": hfam, "caps_labels": caps, "squeeze": round(float(sx), 3),
            "cap_mm": round(float(cap / s), 2), "misprint_mm": [round(float(dx / s), 2), round(float(dy / s), 2)],
            "text_rot_deg": round(float(rot), 2), "ink": round(float(ink), 2), "photo_bg": pbg,
            "label_variants": {k: labels[k] for k in ("ttl", "gol", "kel", "rtrw")},
            "wrapped": [k for k, p in lines if len(p) > 1], **bginfo}
    return img, info
