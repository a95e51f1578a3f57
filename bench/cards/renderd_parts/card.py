"""Draw the front of one e-KTP card."""

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .fonts import font
from .drawing import apply_ink, draw_garuda, draw_guilloche, draw_map_watermark, draw_portrait, fit_font, gradient_v, rounded_mask, signature, smooth_noise, text_w


def render_ktp(rng, nrng, fields, extra, CW):
    k = CW / 1000.0
    CH = int(round(CW * 54 / 85.6))
    H = 631.0
    # background gradient
    top = (rng.randint(120, 175), rng.randint(185, 215), rng.randint(215, 240))
    bot = (rng.randint(195, 225), rng.randint(225, 240), rng.randint(195, 215))
    arr = gradient_v(CW, CH, top, bot, mid=rng.uniform(0.6, 1.4))
    arr += smooth_noise(nrng, CH, CW, 60 * k, 2)[..., None] * 3.0
    card = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    draw_guilloche(card, rng, k, (rng.randint(60, 110), rng.randint(130, 170), rng.randint(150, 190)),
                   rng.randint(30, 60), rng.choice(["waves", "waves", "rosette"]))
    # watermark
    wm = Image.new("RGBA", card.size, (0, 0, 0, 0))
    wd = ImageDraw.Draw(wm)
    wcol = (rng.randint(70, 120), rng.randint(140, 180), rng.randint(160, 200), rng.randint(38, 70))
    which = rng.choice(["map", "map", "map", "garuda", "both"])
    if which in ("map", "both"):
        draw_map_watermark(wd, rng, (CW * 0.12, CH * 0.3, CW * 0.88, CH * 0.82), wcol)
    if which in ("garuda", "both"):
        draw_garuda(wd, rng, CW * rng.uniform(0.4, 0.55), CH * 0.52, CH * 0.3,
                    (wcol[0] - 20, wcol[1] - 20, wcol[2] - 10, wcol[3]))
    wm = wm.filter(ImageFilter.GaussianBlur(1.2 * k))
    card.alpha_composite(wm)
    # micro text band
    if rng.random() < 0.7:
        mt = Image.new("RGBA", card.size, (0, 0, 0, 0))
        md = ImageDraw.Draw(mt)
        mf = font("nimbus", "regular", 7 * k)
        yb = rng.choice([CH - 11 * k, 6 * k])
        md.text((4 * k, yb), "REPUBLIK INDONESIA " * 30, font=mf, fill=(60, 110, 140, 70))
        card.alpha_composite(mt)

    # ---- text layout
    lab_fam = rng.choice(["nimbus", "arimo", "roboto", "nimbus_narrow", "roboto_cond", "arimo"])
    val_fam = rng.choice(["nimbus", "arimo", "roboto", "nimbus_narrow", "roboto_cond", lab_fam])
    head_fam = rng.choice(["nimbus", "arimo", "roboto", lab_fam])
    nik_fam = rng.choice(["nimbus", "arimo", "roboto", "roboto_cond", val_fam])
    lab_w = rng.choice(["regular", "regular", "medium"])
    val_w = rng.choice(["regular", "medium", "bold", "bold"])
    small = rng.random() < 0.3
    rs = rng.uniform(17, 21) if small else rng.uniform(21, 26.5)
    ls = rs * rng.uniform(1.18, 1.42)
    nik_s = rng.uniform(30, 42)
    hs = rng.uniform(26, 34)
    lx = rng.uniform(18, 40)
    ink = (rng.randint(5, 35), rng.randint(5, 35), rng.randint(10, 45))

    tm = Image.new("L", card.size, 0)   # text mask
    td = ImageDraw.Draw(tm)

    def T(x, y, s, fam, wt, size, anchor="ls"):
        td.text((x * k, y * k), s, font=font(fam, wt, size * k), fill=255, anchor=anchor)

    # header
    hy1 = rng.uniform(24, 34) + hs * 0.8
    T(500 + rng.uniform(-15, 15), hy1, "PROVINSI " + fields["provinsi"], head_fam, "bold", hs, "ms")
    hy2 = hy1 + hs * rng.uniform(1.1, 1.3)
    kab = fields["kabupaten_kota"]
    hf = fit_font(head_fam, "bold", hs * k, kab, 900 * k, 10)
    td.text((500 * k, hy2 * k), kab, font=hf, fill=255, anchor="ms")

    # photo box
    pw = rng.uniform(190, 222)
    ph = pw * rng.uniform(1.25, 1.35)
    px0 = rng.uniform(945, 965) - pw
    py0 = hy2 + rng.uniform(20, 40)

    # rows
    labels = {
        "nik": "NIK", "nama": "Nama",
        "ttl": rng.choice(["Tempat/Tgl Lahir", "Tempat/Tgl Lahir", "Tempat/Tgl. Lahir"]),
        "jk": "Jenis Kelamin", "alamat": "Alamat", "rtrw": "RT/RW",
        "kel": rng.choice(["Kel/Desa", "Kel/Desa", "Kel / Desa"]), "kec": "Kecamatan",
        "agama": "Agama", "status": "Status Perkawinan", "pek": "Pekerjaan",
        "kew": "Kewarganegaraan", "berlaku": "Berlaku Hingga",
    }
    goldar_label = rng.choice(["Gol. Darah", "Gol. Darah", "Gol Darah"])
    lf = font(lab_fam, lab_w, rs * k)
    longest = max(text_w(lf, labels[x]) for x in labels) / k
    colon_x = lx + longest + rng.uniform(4, 50)
    val_x = colon_x + text_w(lf, ":") / k + rng.uniform(5, 14)
    maxw = px0 - val_x - 12
    indent = rng.uniform(0, 30) if rng.random() < 0.6 else 0.0

    y, m = fields["tanggal_lahir"].split("-")[0], fields["tanggal_lahir"].split("-")[1]
    dob = "%s-%s-%s" % (fields["tanggal_lahir"][8:], m, y)
    # address wrap
    alamat = fields["alamat"]
    vf = font(val_fam, val_w, rs * k)
    a_lines = [alamat]
    if text_w(vf, alamat) / k > maxw or (len(alamat) > 26 and rng.random() < 0.5):
        words = alamat.split()
        cut = len(words) - 1
        while cut > 1 and (text_w(vf, " ".join(words[:cut])) / k > maxw * rng.uniform(0.8, 1.0)
                           or words[cut - 1] in ("NO.", "GG.", "BLOK", "JL.", "DSN.", "RT", "DUSUN")):
            cut -= 1
        a_lines = [" ".join(words[:cut]), " ".join(words[cut:])]

    rows = [("nik", fields["nik"]), ("nama", fields["nama"]),
            ("ttl", "%s, %s" % (fields["tempat_lahir"], dob)),
            ("jk", fields["jenis_kelamin"]), ("alamat", a_lines[0])]
    if len(a_lines) > 1:
        rows.append((None, a_lines[1]))
    rows += [("rtrw", fields["rt_rw"]), ("kel", fields["kel_desa"]), ("kec", fields["kecamatan"]),
             ("agama", fields["agama"]), ("status", fields["status_perkawinan"]),
             ("pek", fields["pekerjaan"]), ("kew", fields["kewarganegaraan"]),
             ("berlaku", fields["berlaku_hingga"])]
    y0 = hy2 + rng.uniform(22, 38) + nik_s * 0.75
    nrest = len(rows) - 1
    avail = H - 14 - (y0 + nik_s * 0.55)
    ls = min(avail / nrest * rng.uniform(0.9, 1.0), max(ls, rs * 1.2) * 1.35)
    nik_label_big = rng.random() < 0.75
    yy = y0
    for key, val in rows:
        if key == "nik":
            T(lx, yy, "NIK", nik_fam if nik_label_big else lab_fam, "bold" if nik_label_big else lab_w,
              nik_s * 0.85 if nik_label_big else rs)
            T(colon_x, yy, ":", nik_fam, "bold", nik_s * 0.85)
            nvx = max(val_x, colon_x + text_w(font(nik_fam, "bold", nik_s * 0.85 * k), ":") / k + rng.uniform(6, 14))
            nf = fit_font(nik_fam, "bold", nik_s * k, val, (px0 - nvx + 20) * k, 10)
            td.text((nvx * k, yy * k), val, font=nf, fill=255, anchor="ls")
            yy += nik_s * 0.55 + ls
            continue
        if key is not None:
            ix = lx + (indent if key in ("rtrw", "kel", "kec") else 0)
            T(ix, yy, labels[key], lab_fam, lab_w, rs)
            T(colon_x, yy, ":", lab_fam, lab_w, rs)
        mw = maxw if key != "jk" else 170
        f = fit_font(val_fam, val_w, rs * k, val, mw * k, rs * k * 0.6)
        td.text((val_x * k, yy * k), val, font=f, fill=255, anchor="ls")
        if key == "jk":
            gx = max(val_x + 175, rng.uniform(470, 520))
            T(gx, yy, goldar_label, lab_fam, lab_w, rs)
            gcol = gx + text_w(lf, goldar_label) / k + rng.uniform(6, 14)
            T(gcol, yy, ":", lab_fam, lab_w, rs)
            T(gcol + rng.uniform(8, 14), yy, fields["golongan_darah"], val_fam, val_w, rs)
        yy += ls

    # issue place/date + signature
    cxp = px0 + pw / 2
    iy = py0 + ph + rs * 1.15
    isz = rs * rng.uniform(0.8, 0.95)
    f1 = fit_font(val_fam, val_w, isz * k, extra["issue_place"], (pw + 40) * k, 8)
    td.text((cxp * k, iy * k), extra["issue_place"], font=f1, fill=255, anchor="ms")
    T(cxp, iy + isz * 1.2, extra["issue_date"], val_fam, val_w, isz, "ms")
    apply_ink(card, tm, ink, 0.35 * k)
    sg = Image.new("L", card.size, 0)
    sgh = min(45, H - 8 - (iy + isz * 1.5))
    if sgh > 12:
        signature(ImageDraw.Draw(sg), rng, (cxp - 55) * k, (iy + isz * 1.45) * k, 110 * k, sgh * k,
                  255, max(1, int(2.2 * k)))
        apply_ink(card, sg, (rng.randint(10, 40), rng.randint(10, 40), rng.randint(60, 120)), 0.4 * k)
    # portrait
    por = draw_portrait(rng, int(pw * k), int(ph * k), extra["female"])
    card.paste(por, (int(px0 * k), int(py0 * k)))

    # aging / photocopy
    cond = "new"
    r = rng.random()
    a = np.asarray(card).astype(np.float32)
    if r < 0.12:
        cond = "yellowed"
        a[..., :3] = a[..., :3] * np.array([1.0, 0.96, 0.82]) + np.array([12, 8, 0])
        a[..., :3] = 128 + (a[..., :3] - 128) * rng.uniform(0.75, 0.92)
    elif r < 0.18:
        cond = "photocopy"
        g = a[..., :3].mean(axis=2, keepdims=True)
        g = np.clip((g - 100) * 1.5 + 140, 0, 255)
        g += nrng.normal(0, 6, g.shape)
        a[..., :3] = np.repeat(g, 3, axis=2) * np.array([1.0, 1.0, 0.98])
    a[..., 3] = np.asarray(rounded_mask(CW, CH, int(30 * k)), np.float32)
    card = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGBA")
    info = {"label_font": lab_fam, "value_font": val_fam, "value_weight": val_w, "row_size": round(rs, 1),
            "small_rows": small, "address_lines": len(a_lines), "watermark": which, "condition": cond,
            "label_col": round(colon_x, 1)}
    cap = rs * k * 0.72
    return card, info, cap
