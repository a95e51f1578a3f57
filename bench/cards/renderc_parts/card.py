"""Draw the front of one e-KTP card."""

import numpy as np
import cv2

from .fonts import FONT_FILES, font
from .drawing import draw_security, draw_signature, draw_text, fnormal, make_portrait, text_width, tint_colors


def render_card(rng, f, extra):
    """Returns card RGB float32 (H,W,3), alpha mask (H,W), protected boxes, meta."""
    W = rng.randint(1200, 1400)
    H = int(round(W * 54 / 85.6))
    r = rng.random()
    kind = "blue" if r < 0.50 else "faded" if r < 0.67 else "yellowed" if r < 0.84 else "grey"
    top, bot = tint_colors(rng, kind)
    g = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    img = (top[None, None, :] * (1 - g) + bot[None, None, :] * g).astype(np.float32)
    img = np.broadcast_to(img, (H, W, 3)).copy()
    # subtle horizontal variation
    img *= (1 + 0.03 * np.sin(np.linspace(0, rng.uniform(2, 5), W) + rng.uniform(0, 6)))[None, :, None]
    img = draw_security(rng, img, W, H, kind)

    ink = np.zeros((H, W), np.float32)
    fams = list(FONT_FILES)
    lab_fam = rng.choice(fams)
    val_fam = lab_fam if rng.random() < 0.6 else rng.choice(fams)
    hdr_fam = rng.choice(fams)
    nik_fam = rng.choice(fams)
    sx = rng.uniform(0.82, 1.0) if "Condensed" not in lab_fam else rng.uniform(0.92, 1.02)
    sxv = sx if val_fam == lab_fam else (rng.uniform(0.82, 1.0) if "Condensed" not in val_fam
                                         else rng.uniform(0.92, 1.02))
    semibold = 1 if rng.random() < 0.25 else 0

    # header
    hs = rng.uniform(0.050, 0.064) * H
    hf = font(FONT_FILES[hdr_fam][1], hs)
    hsx = rng.uniform(0.88, 1.02)
    y1 = rng.uniform(0.085, 0.11) * H
    y2 = y1 + hs * rng.uniform(1.15, 1.35)
    cxh = W * rng.uniform(0.49, 0.51)
    draw_text(ink, cxh, y1, "PROVINSI " + f["provinsi"], hf, hsx, anchor="ms")
    draw_text(ink, cxh, y2, f["kabupaten_kota"], hf, hsx, anchor="ms")

    # rows
    lx = rng.uniform(0.025, 0.045) * W
    ls = rng.uniform(0.033, 0.042) * H
    vs = ls * rng.uniform(0.95, 1.12)
    lf = font(FONT_FILES[lab_fam][0], ls)
    vf = font(FONT_FILES[val_fam][0], vs)
    nik_s = rng.uniform(0.058, 0.072) * H
    nf = font(FONT_FILES[nik_fam][1], nik_s)
    nlf = font(FONT_FILES[nik_fam][1], nik_s * rng.uniform(0.85, 1.0))
    ttl_lab = rng.choice(["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir"])
    kel_lab = rng.choice(["Kel/Desa", "Kel/Desa", "Kel / Desa"])
    gol_lab = rng.choice(["Gol. Darah", "Gol Darah"])
    sub_ind = rng.uniform(0.015, 0.03) * W if rng.random() < 0.75 else 0.0
    labels = ["Nama", ttl_lab, "Jenis Kelamin", "Alamat", "RT/RW", kel_lab, "Kecamatan", "Agama",
              "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
    maxlw = max(text_width(lf, s, sx) for s in labels) + sub_ind
    colon_x = lx + maxlw + rng.uniform(0.008, 0.05) * W
    val_x = colon_x + text_width(lf, ":", sx) + rng.uniform(0.008, 0.02) * W
    photo_x0 = rng.uniform(0.70, 0.735) * W
    max_val_x = photo_x0 - 0.012 * W

    nik_y = y2 + rng.uniform(0.075, 0.10) * H + nik_s * 0.5
    first_y = nik_y + rng.uniform(0.07, 0.085) * H
    bottom = H * rng.uniform(0.955, 0.975)
    ttl = "%s, %s" % (f["tempat_lahir"], "-".join(reversed(f["tanggal_lahir"].split("-"))))
    values = [f["nama"], ttl, f["jenis_kelamin"], f["alamat"], f["rt_rw"], f["kel_desa"], f["kecamatan"],
              f["agama"], f["status_perkawinan"], f["pekerjaan"], f["kewarganegaraan"], f["berlaku_hingga"]]
    # address wrap
    addr_lines = [f["alamat"]]
    if val_x + text_width(vf, f["alamat"], sxv, semibold) > max_val_x or \
            (len(f["alamat"]) > 22 and rng.random() < 0.35):
        words = f["alamat"].split(" ")
        best = None
        for k in range(1, len(words)):
            a, b = " ".join(words[:k]), " ".join(words[k:])
            if val_x + text_width(vf, a, sxv, semibold) <= max_val_x:
                best = (a, b)
        if best:
            addr_lines = list(best)
    nrows = 12 + (len(addr_lines) - 1)
    pitch = min(rng.uniform(0.046, 0.058) * H, (bottom - first_y) / (nrows - 0.3))
    if vs > pitch * 0.9:
        vs = pitch * 0.9
        vf = font(FONT_FILES[val_fam][0], vs)
        ls = min(ls, pitch * 0.85)
        lf = font(FONT_FILES[lab_fam][0], ls)
    prot = []
    # NIK row
    lab_nik = rng.random() < 0.7
    if lab_nik:
        draw_text(ink, lx, nik_y, "NIK", nlf, sx)
    else:
        draw_text(ink, lx, nik_y, "NIK", lf, sx)
    draw_text(ink, colon_x, nik_y, ":", nlf, 1.0)
    nsx = rng.uniform(0.9, 1.05)
    nik_x = max(val_x, colon_x + text_width(nlf, ":") + rng.uniform(0.008, 0.02) * W)
    nik_w = text_width(nf, f["nik"], nsx)
    if nik_x + nik_w > max_val_x:
        nsx *= (max_val_x - nik_x) / nik_w
    bx = draw_text(ink, nik_x, nik_y, f["nik"], nf, nsx)
    prot.append((lx, nik_y - nik_s, bx[2], nik_y + nik_s * 0.3))
    y = first_y
    row_y = {}
    for i, (lab, val) in enumerate(zip(labels, values)):
        ind = sub_ind if lab in ("RT/RW", kel_lab, "Kecamatan") else 0
        draw_text(ink, lx + ind, y, lab, lf, sx)
        draw_text(ink, colon_x, y, ":", lf, sx)
        vlines = addr_lines if lab == "Alamat" else [val]
        for j, v in enumerate(vlines):
            vy = y + j * pitch
            maxw = max_val_x - val_x
            if lab == "Jenis Kelamin":
                maxw = 0.2 * W
            vsx = sxv
            tw = text_width(vf, v, vsx, semibold)
            if tw > maxw:
                vsx *= maxw / tw
            box = draw_text(ink, val_x, vy, v, vf, vsx, stroke=semibold)
            if lab in ("Nama", ttl_lab):
                prot.append((lx, vy - vs * 1.0, box[2], vy + vs * 0.3))
            if lab == "Jenis Kelamin":
                gx = max(box[2] + 0.03 * W, val_x + text_width(vf, "PEREMPUAN", vsx) + rng.uniform(0.03, 0.08)
                         * W)
                gx = min(gx, max_val_x - text_width(lf, gol_lab + " : AB", sx))
                gb = draw_text(ink, gx, vy, gol_lab, lf, sx)
                gb = draw_text(ink, gb[2] + rng.uniform(0.008, 0.02) * W, vy, ":", lf, sx)
                draw_text(ink, gb[2] + rng.uniform(0.008, 0.02) * W, vy, f["golongan_darah"], vf, sxv,
                          stroke=semibold)
        row_y[lab] = y
        y += pitch * len(vlines)

    # right side: photo, issue place/date, signature
    pw = rng.uniform(0.21, 0.235) * W
    ph = pw * rng.uniform(1.2, 1.33)
    py0 = y2 + rng.uniform(0.04, 0.07) * H
    if py0 + ph > 0.74 * H:
        ph = 0.74 * H - py0
    pcx = photo_x0 + (W * 0.965 - photo_x0) / 2
    px0 = int(pcx - pw / 2)
    por = make_portrait(rng, int(pw), int(ph), extra["male"])
    img[int(py0):int(py0) + por.shape[0], px0:px0 + por.shape[1]] = por
    cs = ls * rng.uniform(0.9, 1.05)
    cf = font(FONT_FILES[lab_fam][0], cs)
    cy1 = py0 + ph + cs * 1.45
    draw_text(ink, pcx, cy1, extra["issue_place"], cf, min(sx, (pw * 1.1) / max(1, text_width(cf,
              extra["issue_place"]))), anchor="ms")
    draw_text(ink, pcx, cy1 + cs * 1.3, extra["issue_date"], cf, sx, anchor="ms")
    sig_y = cy1 + cs * 1.75
    draw_signature(rng, ink, pcx - pw * 0.35, sig_y, pw * 0.7, max(H * 0.04, min(H * 0.965 - sig_y, H * 0.09)))

    # ink composite
    if kind == "grey":
        inkc = np.array([rng.uniform(10, 40)] * 3)
    else:
        inkc = np.array([rng.uniform(5, 35), rng.uniform(5, 35), rng.uniform(10, 45)])
    dens = rng.uniform(0.85, 1.0) if kind != "faded" else rng.uniform(0.7, 0.88)
    ink_blur = cv2.GaussianBlur(ink, (0, 0), rng.uniform(0.4, 0.9))
    a = (ink_blur * dens)[..., None]
    img = img * (1 - a) + inkc[None, None, :] * a

    if kind == "grey":
        gray = img.mean(axis=2, keepdims=True)
        gray = (gray - 128) * rng.uniform(1.1, 1.4) + 128 + rng.uniform(0, 20)
        img = np.repeat(gray, 3, axis=2)
        # toner specks
        sp = np.zeros((H, W), np.uint8)
        for _ in range(rng.randint(40, 200)):
            cv2.circle(sp, (rng.randrange(W), rng.randrange(H)), rng.randint(1, 2), 255, -1)
        img -= (sp.astype(np.float32) / 255.0 * rng.uniform(60, 140))[..., None]
    elif kind == "faded":
        img = img * 0.8 + 255 * 0.2 * rng.uniform(0.5, 1.0) + (1 - 0.8 - 0.2 * 1.0) * 0
    elif kind == "yellowed":
        img = img * np.array([1.0, 0.98, rng.uniform(0.85, 0.93)])[None, None, :]
    # plastic grain
    img += fnormal(np.random.default_rng(rng.randrange(1 << 30)), 2.0, (H, W, 1))
    img = np.clip(img, 0, 255).astype(np.float32)

    # rounded-corner alpha
    alpha = np.zeros((H, W), np.uint8)
    rad = int(H * rng.uniform(0.05, 0.07))
    cv2.rectangle(alpha, (rad, 0), (W - 1 - rad, H - 1), 255, -1)
    cv2.rectangle(alpha, (0, rad), (W - 1, H - 1 - rad), 255, -1)
    for cx, cy in ((rad, rad), (W - 1 - rad, rad), (rad, H - 1 - rad), (W - 1 - rad, H - 1 - rad)):
        cv2.circle(alpha, (cx, cy), rad, 255, -1, cv2.LINE_AA)
    # edge: slightly darker rim
    rim = cv2.erode(alpha, np.ones((5, 5), np.uint8))
    img = img * (0.82 + 0.18 * (rim[..., None] / 255.0))
    meta = {"tint": kind, "label_font": lab_fam, "value_font": val_fam, "header_font": hdr_fam,
            "nik_font": nik_fam, "condense": round(sx, 3), "semibold_values": bool(semibold),
            "row_pitch_h": round(pitch / H, 4), "value_size_h": round(vs / H, 4),
            "label_col_w": round(colon_x / W, 3), "card_w": W}
    return img.astype(np.float32), alpha.astype(np.float32) / 255.0, prot, meta, vs
