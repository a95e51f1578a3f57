"""Draw one e-KTP card (front) at about 300 dpi, with realistic per-card variation."""
import numpy as np
from PIL import Image, ImageDraw

from . import fonts
from .card_background import finish_tint, portrait, signature, substrate

W, H = 1012, 638  # 85.6 x 54 mm at ~300 dpi

LABELS = {
    "ttl": ["Tempat/Tgl Lahir", "Tempat/Tgl Lahir", "Tempat/Tgl. Lahir", "Tempat / Tgl Lahir"],
    "kel": ["Kel/Desa", "Kel/Desa", "Kel / Desa"],
    "gol": ["Gol. Darah", "Gol. Darah", "Gol Darah", "Gol.Darah"],
    "status": ["Status Perkawinan", "Status Perkawinan", "Status Kawin"],
}


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _wrap(text, fnt, width):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if cur and fnt.getlength(t) > width:
            lines.append(cur)
            cur = w
        else:
            cur = t
    lines.append(cur)
    return lines


def render_card(fields, extra, rng):
    """Return (RGBA card image, value boxes {field: (x0, y0, x1, y1)} in card pixels, effects dict).
    The box of "nik" is the one fingers avoid."""
    bg, eff = substrate(W, H, rng)
    card = Image.fromarray(bg.astype(np.uint8), "RGB")
    d = ImageDraw.Draw(card)
    fam = _pick(rng, sorted(fonts.SANS))
    nik_mono = bool(rng.random() < 0.5)
    nik_fam = _pick(rng, sorted(fonts.MONO)) if nik_mono else fam
    ink = tuple(int(v) for v in rng.integers(5, 45, 3))
    value_bold = bool(rng.random() < 0.25)
    upper_labels = bool(rng.random() < 0.12)
    eff.update({"font_family": fam, "nik_font": nik_fam, "value_bold": value_bold, "upper_labels": upper_labels})

    # header
    hsize = rng.uniform(28, 36)
    hf = fonts.font(fam, hsize, bold=True)
    hy = rng.uniform(14, 24)
    hgap = hsize * rng.uniform(1.1, 1.3)
    l1 = "PROVINSI " + fields["provinsi"]
    l2 = fields["kabupaten_kota"]
    for k, line in enumerate((l1, l2)):
        f = hf
        while f.getlength(line) > W - 60:
            f = fonts.font(fam, f.size - 1, bold=True)
        d.text(((W - f.getlength(line)) / 2 + rng.normal(0, 3), hy + k * hgap), line, font=f, fill=ink)

    # portrait area on the right
    px0, px1 = W * rng.uniform(0.725, 0.75), W * rng.uniform(0.935, 0.955)
    py0 = H * rng.uniform(0.21, 0.25)
    py1 = py0 + (px1 - px0) * rng.uniform(1.2, 1.32)
    pim, peff = portrait(int(px1 - px0), int(py1 - py0), rng, extra["female"])
    card.paste(pim, (int(px0), int(py0)))
    eff.update(peff)
    sf = fonts.font(fam, rng.uniform(19, 23))
    cxp = (px0 + px1) / 2
    for k, t in enumerate((extra["issue_place"], extra["issue_date"])):
        d.text((cxp - sf.getlength(t) / 2, py1 + 6 + k * sf.size * 1.15), t, font=sf, fill=ink)
    sig_top = py1 + 10 + 2.3 * sf.size
    signature(d, (px0 + 10, sig_top, px1 - 10, min(H - 18, sig_top + 60)), rng, ink)
    max_x = px0 - rng.uniform(8, 18)

    # label/value rows
    lab = {k: _pick(rng, v) for k, v in LABELS.items()}
    born = extra["birth_printed"]
    indent = rng.uniform(0, 30) if rng.random() < 0.8 else 0.0
    rows = [("Nama", "nama", fields["nama"], 0),
            (lab["ttl"], "tempat_tgl_lahir", f"{fields['tempat_lahir']}, {born}", 0),
            ("Jenis Kelamin", "jenis_kelamin", fields["jenis_kelamin"], 0),
            ("Alamat", "alamat", fields["alamat"], 0),
            ("RT/RW", "rt_rw", fields["rt_rw"], indent),
            (lab["kel"], "kel_desa", fields["kel_desa"], indent),
            ("Kecamatan", "kecamatan", fields["kecamatan"], indent),
            ("Agama", "agama", fields["agama"], 0),
            (lab["status"], "status_perkawinan", fields["status_perkawinan"], 0),
            ("Pekerjaan", "pekerjaan", fields["pekerjaan"], 0),
            ("Kewarganegaraan", "kewarganegaraan", fields["kewarganegaraan"], 0),
            ("Berlaku Hingga", "berlaku_hingga", fields["berlaku_hingga"], 0)]
    if upper_labels:
        rows = [(r[0].upper(),) + r[1:] for r in rows]
        lab["gol"] = lab["gol"].upper()

    x0 = rng.uniform(22, 42)
    nik_y = hy + hgap + hsize * rng.uniform(1.35, 1.7)
    y_start_guess = nik_y + rng.uniform(48, 60)
    pitch = rng.uniform(28, 34)
    lsize = pitch * rng.uniform(0.68, 0.8)
    # alamat may wrap: measure with the initial font
    for _ in range(8):
        lf = fonts.font(fam, lsize)
        vf = fonts.font(fam, lsize, bold=value_bold)
        colon_mode = str(rng.choice(["aligned", "after_label", "inline"], p=[0.75, 0.15, 0.10]))
        aligned = colon_mode == "aligned"
        lw = max(lf.getlength(r[0]) + r[3] for r in rows)
        colon_gap = rng.uniform(6, 24)
        colon_x = x0 + lw + colon_gap
        value_x = colon_x + lf.getlength(":") + rng.uniform(7, 16)
        alamat_lines = _wrap(fields["alamat"], vf, max_x - value_x)
        nlines = len(rows) + (len(alamat_lines) - 1) * 0.9
        avail = H - rng.uniform(14, 24) - y_start_guess
        if nlines * pitch <= avail and len(alamat_lines) <= 2:
            break
        pitch = min(pitch, avail / nlines)
        lsize = min(lsize, pitch * 0.78)
        if len(alamat_lines) > 2:
            lsize *= 0.93
    eff.update({"label_size": round(lsize, 1), "line_pitch": round(pitch, 1), "colon_mode": colon_mode,
                "labels": lab, "sub_indent": round(float(indent), 1), "alamat_lines": len(alamat_lines)})

    # misprint offset of the whole value layer, plus small per-row jitter
    mis = (float(rng.normal(0, 1.5)), float(rng.normal(0, 1.5)))
    if rng.random() < 0.15:
        mis = (float(rng.uniform(-6, 6)), float(rng.uniform(-5, 5)))
    eff["misprint_offset"] = [round(mis[0], 1), round(mis[1], 1)]

    boxes = {}

    def put_value(x, y, text, base_font, limit, bold=value_bold, family=fam, key=None):
        f = base_font
        while f.getlength(text) > limit - x and f.size > base_font.size * 0.72:
            f = fonts.font(family, f.size - 1, bold=bold)
        pos = (x + mis[0] + rng.normal(0, 0.5), y + mis[1] + rng.normal(0, 0.5))
        d.text(pos, text, font=f, fill=ink)
        if key:
            b = d.textbbox(pos, text, font=f)
            old = boxes.get(key, b)
            boxes[key] = (min(b[0], old[0]), min(b[1], old[1]), max(b[2], old[2]), max(b[3], old[3]))
        return f

    def put_label(x, y, label, f):
        d.text((x, y), label, font=f, fill=ink)
        if aligned:
            d.text((colon_x, y), ":", font=f, fill=ink)
            return value_x
        cx = x + f.getlength(label) + 4
        d.text((cx, y), ":", font=f, fill=ink)
        return value_x if colon_mode == "after_label" else cx + f.getlength(": ") + 6

    # NIK row
    nl_size = lsize * rng.uniform(1.15, 1.4)
    nf = fonts.font(fam, nl_size, bold=True)
    nv_size = lsize * rng.uniform(1.35, 1.7)
    nvf = fonts.font(nik_fam, nv_size, bold=True)
    d.text((x0, nik_y + (nv_size - nl_size) * 0.5), "NIK", font=nf, fill=ink)
    ncx = colon_x if aligned else x0 + nf.getlength("NIK") + 6
    d.text((ncx, nik_y + (nv_size - nl_size) * 0.5), ":", font=nf, fill=ink)
    nvx = ncx + nf.getlength(":") + rng.uniform(8, 16)
    if colon_mode == "after_label":
        nvx = max(nvx, value_x)
    put_value(nvx, nik_y, fields["nik"], nvf, max_x, bold=True, family=nik_fam, key="nik")
    nb = boxes["nik"]
    nik_box = (nb[0] - 4, nb[1] - 4, nb[2] + 4, nb[3] + 4)

    y = max(y_start_guess, nb[3] + pitch * 0.45)
    for label, key, value, ind in rows:
        vx = put_label(x0 + ind, y, label, lf)
        if key == "alamat":
            for k, line in enumerate(alamat_lines):
                put_value(vx, y, line, vf, max_x, key=key)
                if k < len(alamat_lines) - 1:
                    y += pitch * 0.9
        elif key == "jenis_kelamin":
            f = put_value(vx, y, value, vf, max_x, key=key)
            gx = max(vx + f.getlength(value) + 30, vx + rng.uniform(200, 240))
            gtxt = f"{lab['gol']}"
            d.text((gx, y), gtxt, font=lf, fill=ink)
            gcx = gx + lf.getlength(gtxt) + rng.uniform(4, 10)
            d.text((gcx, y), ":", font=lf, fill=ink)
            put_value(gcx + lf.getlength(": ") + 2, y, fields["golongan_darah"], vf, max_x + 100,
                      key="golongan_darah")
        else:
            put_value(vx, y, value, vf, max_x, key=key)
        y += pitch

    arr = finish_tint(np.asarray(card, np.float32), eff["tint"], rng)
    card = Image.fromarray(arr.astype(np.uint8), "RGB")
    radius = int(rng.uniform(18, 45))
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, W - 1, H - 1], radius=radius, fill=255)
    card.putalpha(mask)
    eff["corner_radius"] = radius
    boxes["nik"] = nik_box
    return card, {k: tuple(round(float(v), 1) for v in b) for k, b in boxes.items()}, eff
