"""Draws the front of an e-KTP with its fields; returns the image and the boxes of every value."""
import numpy as np
import cv2
from PIL import Image, ImageDraw
from .util import uni, chance, pick, wpick, rounded_mask
from . import fonts, security, face
from .identity import dmy

LABELS = [("nama", "Nama"), ("ttl", "Tempat/Tgl Lahir"), ("jk", "Jenis kelamin"), ("alamat", "Alamat"),
          ("rt_rw", "RT/RW"), ("kel_desa", "Kel/Desa"), ("kecamatan", "Kecamatan"), ("agama", "Agama"),
          ("status_perkawinan", "Status Perkawinan"), ("pekerjaan", "Pekerjaan"),
          ("kewarganegaraan", "Kewarganegaraan"), ("berlaku_hingga", "Berlaku Hingga")]
INDENTED = ("rt_rw", "kel_desa", "kecamatan")


def _wrap(text, fnt, maxw):
    words, lines, cur = text.split(" "), [], ""
    for wd in words:
        t = (cur + " " + wd).strip()
        if fnt.getlength(t) <= maxw or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = wd
    lines.append(cur)
    return lines


def _values(fields):
    berl = fields["berlaku_hingga"]
    return {
        "nama": fields["nama"], "ttl": fields["tempat_lahir"] + ", " + dmy(fields["tanggal_lahir"]),
        "jk": fields["jenis_kelamin"], "alamat": fields["alamat"], "rt_rw": fields["rt_rw"],
        "kel_desa": fields["kel_desa"], "kecamatan": fields["kecamatan"], "agama": fields["agama"],
        "status_perkawinan": fields["status_perkawinan"], "pekerjaan": fields["pekerjaan"],
        "kewarganegaraan": fields["kewarganegaraan"],
        "berlaku_hingga": berl if berl == "SEUMUR HIDUP" else dmy(berl),
    }


def render_card(rng, fields, extra, W):
    """Returns (rgb float32 HxWx3, alpha float32 HxW, boxes {key: [(x0,y0,x1,y1) normalised]}, info)."""
    H = int(round(W * 54.0 / 85.6))
    img, stock = security.card_stock(rng, H, W)
    F = fonts.choose_card_fonts(rng)
    caps = chance(rng, 0.22)
    ink = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(ink)
    boxes = {}

    def box(key, bb, ref=None):
        if ref is not None:  # vertical extent of at least a capital letter (for "-", "O", ...)
            bb = (bb[0], min(bb[1], ref[1]), bb[2], max(bb[3], ref[3]))
        boxes.setdefault(key, []).append((bb[0] / W, bb[1] / H, bb[2] / W, bb[3] / H))

    # header
    hs = uni(rng, 0.048, 0.06) * H
    hf = fonts.font(F["header"], hs, bold=chance(rng, 0.85))
    hx = W * uni(rng, 0.47, 0.53)
    y1 = H * uni(rng, 0.075, 0.095)
    gap = hs * uni(rng, 1.12, 1.3)
    prov_line = "PROVINSI " + fields["provinsi"]
    for k, (t, y) in enumerate(((prov_line, y1), (fields["kabupaten_kota"], y1 + gap))):
        f = hf
        while f.getlength(t) > W * 0.9 and f.size > 6:
            f = fonts.font(F["header"], f.size * 0.93, bold=True)
        d.text((hx, y), t, font=f, fill=255, anchor="ms")
        box("provinsi" if k == 0 else "kabupaten_kota", d.textbbox((hx, y), t, font=f, anchor="ms"))
    # photo geometry
    pw = uni(rng, 0.2, 0.225) * W
    ph = pw * uni(rng, 1.25, 1.36)
    px0 = W * uni(rng, 0.935, 0.955) - pw
    py0 = H * uni(rng, 0.2, 0.24)
    # NIK row
    lx = W * uni(rng, 0.025, 0.045)
    ny = y1 + gap + hs * uni(rng, 1.5, 2.0)
    ns = uni(rng, 0.058, 0.072) * H
    nlf = fonts.font(F["header"] if chance(rng, 0.6) else F["label"], ns * uni(rng, 0.85, 1.0), bold=True)
    nf = fonts.font(F["nik"], ns, bold=F["nik_bold"])
    d.text((lx, ny), "NIK", font=nlf, fill=255, anchor="ls")
    ncx = lx + max(nlf.getlength("NIK") + ns * 0.4, W * uni(rng, 0.14, 0.2))
    d.text((ncx, ny), ":", font=nlf, fill=255, anchor="ls")
    nvx = ncx + nlf.getlength(": ") + ns * 0.1
    nik_text = fields["nik"]
    while nf.getlength(nik_text) > px0 - nvx - W * 0.01 and nf.size > 6:
        nf = fonts.font(F["nik"], nf.size * 0.94, bold=F["nik_bold"])
    stroke = 1 if (fonts.kind_of(F["nik"]) == "ocr" and chance(rng, 0.5)) else 0
    stroke = int(round(stroke * max(1, W / 900)))
    d.text((nvx, ny), nik_text, font=nf, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255)
    box("nik", d.textbbox((nvx, ny), nik_text, font=nf, anchor="ls", stroke_width=stroke))
    # body
    bs = uni(rng, 0.036, 0.043) * H
    top = ny + ns * uni(rng, 0.45, 0.75)
    bottom = H * uni(rng, 0.935, 0.965)
    vals = _values(fields)
    ind = W * wpick(rng, [(0.0, 0.5), (uni(rng, 0.012, 0.03), 0.5)])
    for attempt in range(10):
        lf = fonts.font(F["label"], bs, bold=F["label_bold"])
        vf = fonts.font(F["value"], bs, bold=F["value_bold"])
        labels = [(k, t.upper() if caps else t) for k, t in LABELS]
        lw = max(lf.getlength(t) + (ind if k in INDENTED else 0) for k, t in labels)
        cx = lx + lw + bs * uni(rng, 0.3, 0.9)
        vx = cx + lf.getlength(":") + bs * uni(rng, 0.25, 0.5)
        maxw = px0 - W * 0.012 - vx
        wrapped = {k: _wrap(vals[k], vf, maxw) for k, _ in labels}
        nlines = sum(len(v) for v in wrapped.values())
        lh = (bottom - top) / nlines
        fits = all(vf.getlength(l) <= maxw * 1.02 for v in wrapped.values() for l in v)
        if lh < bs * 1.12 or not fits:
            bs *= 0.93
        elif lh > bs * 1.6 and bs < 0.046 * H and attempt < 8:
            bs *= 1.05
        else:
            break
    lh = min(lh, bs * uni(rng, 1.35, 1.6))
    gd_lab = "GOL. DARAH" if caps else "Gol. Darah"
    y = top
    for k, t in labels:
        y += lh
        x = lx + (ind if k in INDENTED else 0)
        d.text((x, y), t, font=lf, fill=255, anchor="ls")
        d.text((cx, y), ":", font=lf, fill=255, anchor="ls")
        for i, line in enumerate(wrapped[k]):
            yy = y + i * lh
            d.text((vx, yy), line, font=vf, fill=255, anchor="ls")
            key = {"ttl": "ttl", "jk": "jenis_kelamin"}.get(k, k)
            box(key, d.textbbox((vx, yy), line, font=vf, anchor="ls"))
        if k == "jk":
            gv = fields["golongan_darah"]
            gl = lf
            for _ in range(8):
                cgap = bs * uni(rng, 0.3, 0.8)
                gwid = gl.getlength(gd_lab) + cgap + gl.getlength(": ") + vf.getlength("AB")
                lo = vx + vf.getlength(wrapped["jk"][0]) + bs * 0.8
                gx = max(vx + vf.getlength("PEREMPUAN") + bs * uni(rng, 1.0, 2.5), W * uni(rng, 0.44, 0.5))
                gx = min(gx, px0 - W * 0.012 - gwid)
                if gx >= lo:
                    break
                gl = fonts.font(F["label"], gl.size * 0.92, bold=F["label_bold"])
            d.text((gx, y), gd_lab, font=gl, fill=255, anchor="ls")
            gcx = gx + gl.getlength(gd_lab) + cgap
            d.text((gcx, y), ":", font=gl, fill=255, anchor="ls")
            gvx = gcx + gl.getlength(": ")
            d.text((gvx, y), gv, font=vf, fill=255, anchor="ls")
            box("golongan_darah", d.textbbox((gvx, y), gv, font=vf, anchor="ls"),
                d.textbbox((gvx, y), "H", font=vf, anchor="ls"))
        y += (len(wrapped[k]) - 1) * lh
    # issue place, date and signature under the photo
    pcx = px0 + pw / 2
    isz = bs * uni(rng, 0.78, 0.95)
    isf = fonts.font(F["value"], isz)
    place = extra["issue_place"]
    while isf.getlength(place) > pw * 1.25 and isf.size > 6:
        isf = fonts.font(F["value"], isf.size * 0.92)
    iy = py0 + ph + isz * uni(rng, 1.3, 1.7)
    d.text((pcx, iy), place, font=isf, fill=255, anchor="ms")
    d.text((pcx, iy + isz * 1.25), extra["issue_date"].strftime("%d-%m-%Y"), font=isf, fill=255, anchor="ms")
    sh = int(max(8, min(H * 0.12, H * 0.975 - (iy + isz * 1.6))))
    sw = int(pw * uni(rng, 0.8, 1.1))
    sig = face.signature(rng, sw, sh, max(1, W / 700))
    sig_img = Image.fromarray(sig)
    ink.paste(Image.fromarray(np.maximum(np.array(ink.crop((int(pcx - sw / 2), int(iy + isz * 1.6),
              int(pcx - sw / 2) + sw, int(iy + isz * 1.6) + sh))), sig)), (int(pcx - sw / 2), int(iy + isz * 1.6)))
    del sig_img
    # portrait
    por = face.portrait(rng, int(pw), int(ph), extra["sex"], extra["age"])
    x0, y0 = int(px0), int(py0)
    img[y0:y0 + por.shape[0], x0:x0 + por.shape[1]] = por
    # print the ink
    m = np.asarray(ink, dtype=np.float32) / 255.0
    m = cv2.GaussianBlur(m, (0, 0), max(0.35, W / 2600))
    inkc = np.array(wpick(rng, [((18, 18, 22), 0.6), ((35, 35, 40), 0.2), ((20, 25, 50), 0.2)]), np.float32) / 255.0
    dens = uni(rng, 0.85, 1.0)
    img = img * (1 - dens * m[..., None]) + inkc * dens * m[..., None]
    alpha = rounded_mask(H, W, W * uni(rng, 0.035, 0.045))
    info = {"fonts": {k: F[k] for k in ("header", "label", "value", "nik")}, "labels_caps": caps,
            "nik_font_px_card": int(nf.size), "body_font_px_card": int(round(bs)), "card_px": [W, H],
            "stock": stock}
    return img.astype(np.float32), alpha, boxes, info
