"""Draw the front of one e-KTP card."""

import cv2
import numpy as np
from PIL import Image

from .fonts import FONT_SETS, FONT_SET_WEIGHTS, NIK_FONTS, font
from .identity import wchoice
from .drawing import TINTS, card_background, draw_person, draw_text, label_set, lerp, rounded_mask, signature, text_w
from .wear import apply_stickers, apply_wear


def render_ktp(r, nrng, fields, extra, hard, eff):
    W = eff["_card_w"]
    H = int(round(W * 53.98 / 85.6))
    mm = W / 85.6
    tint = wchoice(r, TINTS)
    eff["card_tint"] = tint
    bg = card_background(r, nrng, W, H, tint, eff)

    fs_name = wchoice(r, list(FONT_SET_WEIGHTS.items()))
    lab_k, val_k, val_heavy_k, bold_k, fake_stroke = FONT_SETS[fs_name]
    weight = wchoice(r, [("regular", 5), ("heavy", 3), ("bold", 1)])
    vk = {"regular": val_k, "heavy": val_heavy_k, "bold": bold_k}[weight]
    nik_choice = wchoice(r, list(NIK_FONTS.items()))
    nik_k = bold_k if nik_choice == "same" else nik_choice
    eff.update({"font_set": fs_name, "value_weight": weight, "nik_font": nik_k})

    body_mm = r.uniform(1.85, 2.3)
    lab_px = body_mm * mm * r.uniform(0.92, 1.05)
    val_px = body_mm * mm
    stroke = 1 if (fake_stroke and weight != "regular" and mm > 10) else 0
    fl = font(lab_k, lab_px)
    fv = font(vk, val_px)
    labels, upper = label_set(r)
    eff["label_case"] = "upper" if upper else "mixed"
    eff["body_mm"] = round(body_mm, 2)

    lab_layer = Image.new("L", (W, H), 0)   # header + labels + colons
    val_layer = Image.new("L", (W, H), 0)   # values
    # photo geometry
    ph_x0 = r.uniform(60.5, 63.5) * mm
    ph_w = r.uniform(19.0, 21.5) * mm
    ph_y0 = r.uniform(10.5, 13.0) * mm
    ph_h = ph_w * r.uniform(1.25, 1.35)
    value_limit = ph_x0 - r.uniform(0.6, 1.5) * mm

    # header
    hdr_px = r.uniform(2.4, 3.1) * mm
    fh = font(bold_k, hdr_px)
    cxh = W / 2 + r.uniform(-1.5, 1.5) * mm
    hy1 = r.uniform(5.0, 6.3) * mm
    hy2 = hy1 + hdr_px * r.uniform(1.1, 1.3)
    h1 = "PROVINSI " + fields["provinsi"]
    h2 = fields["kabupaten_kota"]
    for y, t in ((hy1, h1), (hy2, h2)):
        sx = min(1.0, (W - 6 * mm) / max(1, text_w(fh, t, fake_stroke)))
        draw_text(lab_layer, (cxh - text_w(fh, t, fake_stroke) * sx / 2, y), t, fh, sx=sx, stroke=fake_stroke)

    # column positions
    lx = r.uniform(2.5, 4.5) * mm
    colon_mode = wchoice(r, [("column", 8), ("after_label", 1)])
    colon_x = r.uniform(22.5, 26.0) * mm
    gap = r.uniform(0.5, 1.6) * mm
    indent = r.uniform(2.0, 4.0) * mm if r.random() < 0.55 else 0.0
    eff["colon_mode"] = colon_mode
    eff["sub_indent"] = indent > 0

    # NIK line
    nik_px = r.uniform(3.0, 3.9) * mm
    fnik = font(nik_k, nik_px)
    fnl = font(bold_k, nik_px * r.uniform(0.85, 1.0))
    nik_y = hy2 + r.uniform(4.0, 6.0) * mm
    draw_text(lab_layer, (lx, nik_y), labels["nik"], fnl, stroke=fake_stroke)
    cx_n = colon_x if colon_mode == "column" else lx + text_w(fnl, labels["nik"]) + 0.8 * mm
    draw_text(lab_layer, (cx_n, nik_y), ":", fnl, stroke=fake_stroke)
    nik_text = fields["nik"]
    if r.random() < 0.04:
        nik_text = " ".join(nik_text[i:i + 4] for i in range(0, 16, 4))  # rare spaced print
        eff["nik_spaced"] = True
    vx_nik = cx_n + text_w(fnl, ":") + gap
    sxn = min(1.0, (value_limit - vx_nik) / max(1, text_w(fnik, nik_text)))
    draw_text(val_layer, (vx_nik, nik_y), nik_text, fnik, sx=sxn, stroke=fake_stroke)

    # rows
    b = extra["birth"]
    sep = r.choice([", ", ", ", ", ", ","])
    ttl_val = fields["tempat_lahir"] + sep + b.strftime("%d-%m-%Y")
    rows = [("nama", fields["nama"], 0), ("ttl", ttl_val, 0), ("jk", fields["jenis_kelamin"], 0),
            ("alamat", fields["alamat"], 0), ("rtrw", fields["rt_rw"], 1), ("kel", fields["kel_desa"], 1),
            ("kec", fields["kecamatan"], 1), ("agama", fields["agama"], 0), ("status", fields["status_perkawinan"], 0),
            ("pek", fields["pekerjaan"], 0), ("kwn", fields["kewarganegaraan"], 0), ("berlaku", fields["berlaku_hingga"], 0)]
    vx = colon_x + text_w(fl, ":") + gap
    # does the address wrap?
    addr_lines = [fields["alamat"]]
    aw_lim = value_limit - vx
    if text_w(fv, fields["alamat"], stroke) > aw_lim * 1.08:
        words = fields["alamat"].split()
        line1 = []
        for wd in words:
            if text_w(fv, " ".join(line1 + [wd]), stroke) <= aw_lim or not line1:
                line1.append(wd)
            else:
                break
        rest = words[len(line1):]
        if rest:
            addr_lines = [" ".join(line1), " ".join(rest)]
            eff["address_wrapped"] = True
    n_lines = len(rows) + len(addr_lines) - 1
    y_first = nik_y + r.uniform(3.0, 4.2) * mm
    y_last = r.uniform(49.5, 52.0) * mm
    pitch = (y_last - y_first) / (n_lines - 1)
    pitch = min(pitch, val_px * 1.55)
    eff["line_pitch_mm"] = round(pitch / mm, 2)
    y = y_first
    gol_x = r.uniform(38.0, 44.0) * mm
    for key, val, sub in rows:
        lab = labels[key]
        lxx = lx + (indent if sub else 0)
        draw_text(lab_layer, (lxx, y), lab, fl)
        cx_ = colon_x if colon_mode == "column" else lxx + text_w(fl, lab) + 0.6 * mm
        draw_text(lab_layer, (cx_, y), ":", fl)
        vxx = cx_ + text_w(fl, ":") + gap
        if key == "jk":
            draw_text(val_layer, (vxx, y), val, fv, stroke=stroke)
            gx = max(gol_x, vxx + text_w(fv, val) + 2 * mm)
            gl = labels["gol"]
            draw_text(lab_layer, (gx, y), gl, fl)
            gcx = gx + text_w(fl, gl) + 0.8 * mm
            draw_text(lab_layer, (gcx, y), ":", fl)
            draw_text(val_layer, (gcx + text_w(fl, ":") + gap * 0.8, y), fields["golongan_darah"], fv, stroke=stroke)
            y += pitch
            continue
        lines = addr_lines if key == "alamat" else [val]
        for ln in lines:
            lim = value_limit - vxx
            if key == "ttl" or key == "nama":
                lim = value_limit - vxx + 0.5 * mm
            tw = text_w(fv, ln, stroke)
            sx = min(1.0, lim / max(1, tw))
            if sx < 0.999:
                eff.setdefault("condensed", []).append(key)
            draw_text(val_layer, (vxx, y), ln, fv, sx=max(0.55, sx), stroke=stroke)
            y += pitch

    # under photo: place, date, signature
    fsm = font(lab_k, r.uniform(1.6, 2.0) * mm)
    pc = ph_x0 + ph_w / 2
    py1 = ph_y0 + ph_h + r.uniform(2.2, 3.2) * mm
    pl = extra["place_under"]
    sxp = min(1.0, (ph_w + 3 * mm) / max(1, text_w(fsm, pl)))
    draw_text(val_layer, (pc - text_w(fsm, pl) * sxp / 2, py1), pl, fsm, sx=sxp)
    ds = extra["issue"].strftime("%d-%m-%Y")
    py2 = py1 + r.uniform(2.0, 2.6) * mm
    draw_text(val_layer, (pc - text_w(fsm, ds) / 2, py2), ds, fsm)
    sig_layer = Image.new("L", (W, H), 0)
    signature(sig_layer, r, pc - ph_w * 0.4, py2 + 0.8 * mm, ph_w * 0.8, min(5 * mm, H - py2 - 1.5 * mm), max(1, int(mm * 0.18)))

    # misaligned printing
    lab = np.asarray(lab_layer).astype(np.float32) / 255.0
    val = np.asarray(val_layer).astype(np.float32) / 255.0
    sig = np.asarray(sig_layer).astype(np.float32) / 255.0
    photo = draw_person(r, int(ph_h), int(ph_w), extra["female"], extra["birth"].year % 2 == 0)
    mis = wchoice(r, [("none", 55), ("all_shift", 20), ("values_shift", 15), ("values_rot", 10)])
    if hard and r.random() < 0.3:
        mis = r.choice(["values_shift", "values_rot", "all_shift"])
    eff["misprint"] = mis

    def affine(a, dx, dy, ang):
        M = cv2.getRotationMatrix2D((W / 2, H / 2), ang, 1.0)
        M[0, 2] += dx
        M[1, 2] += dy
        return cv2.warpAffine(a, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=0)

    ph_dx = ph_dy = 0.0
    if mis == "all_shift":
        dx, dy, ang = r.uniform(-2, 2) * mm, r.uniform(-1.5, 1.5) * mm, r.uniform(-0.8, 0.8)
        lab, val, sig = affine(lab, dx, dy, ang), affine(val, dx, dy, ang), affine(sig, dx, dy, ang)
        ph_dx, ph_dy = dx, dy
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), round(ang, 2)]
    elif mis == "values_shift":
        lim = 0.45 if hard else 0.3
        dx, dy = r.uniform(-1.0, 1.5) * mm, r.uniform(-lim, lim) * pitch
        val = affine(val, dx, dy, 0)
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), 0]
    elif mis == "values_rot":
        ang = r.uniform(-1.5, 1.5) if hard else r.uniform(-0.9, 0.9)
        dx, dy = r.uniform(-0.8, 0.8) * mm, r.uniform(-0.2, 0.2) * pitch
        val = affine(val, dx, dy, ang)
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), round(ang, 2)]

    # ink
    ink = np.maximum(np.maximum(lab, val), sig)
    ink_dark = r.uniform(0, 45)
    ink_col = np.array([ink_dark, ink_dark, ink_dark + r.uniform(-5, 20)], np.float32)
    strength = np.full((H, W), r.uniform(0.88, 1.0), np.float32)
    if r.random() < 0.18:  # faded ribbon bands
        eff["ribbon_bands"] = True
        for _ in range(r.randint(1, 3)):
            yb = r.uniform(0, H)
            hb = r.uniform(0.5, 3) * mm
            strength[int(max(0, yb)):int(min(H, yb + hb)), :] *= r.uniform(0.45, 0.8) if hard else r.uniform(0.65, 0.85)
    card = bg.copy()
    # photo
    px0, py0 = int(ph_x0 + ph_dx), int(ph_y0 + ph_dy)
    ph = photo
    hh, ww = ph.shape[:2]
    px0 = max(0, min(W - ww, px0))
    py0 = max(0, min(H - hh, py0))
    card[py0:py0 + hh, px0:px0 + ww] = lerp(card[py0:py0 + hh, px0:px0 + ww], ph, r.uniform(0.85, 0.97))
    a = (ink * strength)[..., None]
    card = card * (1 - a) + ink_col[None, None, :] * a
    if tint == "photocopy":
        g = card.mean(axis=2, keepdims=True)
        g = np.clip((g - 128) * r.uniform(1.1, 1.5) + 128 + r.uniform(-5, 15), 0, 255)
        card = np.repeat(g, 3, axis=2)
        card += nrng.normal(0, r.uniform(3, 9), card.shape[:2])[..., None]
        speck = (nrng.random(card.shape[:2]) < r.uniform(0.0005, 0.003)).astype(np.float32)
        speck = cv2.dilate(speck, np.ones((2, 2), np.uint8))
        card -= speck[..., None] * 120
    card = apply_wear(r, nrng, card, mm, hard, eff)
    card = apply_stickers(r, nrng, card, mm, hard, eff, ph_box=(px0, py0, ww, hh))
    card = np.clip(card, 0, 255)
    mask = rounded_mask(H, W, r.uniform(2.5, 3.5) * mm)
    # thin card edge darkening
    edge = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), max(1, 0.25 * mm)) / 255.0
    card = card * (0.82 + 0.18 * edge[..., None])
    text_h_frac = body_mm * 0.72 / 85.6  # cap height relative to card width
    return card.astype(np.float32), mask, text_h_frac
