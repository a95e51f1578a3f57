"""Draw a flat e-KTP card (RGBA uint8) from fields and a random style."""
import cv2
import numpy as np

from . import text as T
from .art import background, passport_photo, signature, rounded_alpha, wear, tint


def choose_style(rng, ppmm):
    fams = T.family_names()
    fam = fams[int(rng.integers(len(fams)))]
    hfam = fam if rng.random() < 0.6 else fams[int(rng.integers(len(fams)))]
    r = rng.random()
    if r < 0.4:
        nfam = fam
    elif r < 0.65 and "ocrb" in T.FAMILIES:
        nfam = "ocrb"
    else:
        nfam = fams[int(rng.integers(len(fams)))]
    cap = rng.uniform(1.35, 1.85) * ppmm
    thin = ("light", "freemono", "opensans_c")
    if fam in thin and cap < 12:
        fam = "sans" if "sans" in T.FAMILIES else fams[0]
    return {
        "font": fam, "header_font": hfam, "nik_font": nfam,
        "cap": cap,
        "bold_values": bool(rng.random() < 0.2),
        "bold_labels": bool(rng.random() < 0.15),
        "stroke": int(rng.random() < 0.15 or fam in thin),
        "hscale": float(rng.choice([1.0, 1.0, rng.uniform(0.82, 1.0), rng.uniform(1.0, 1.12)])),
        "left_mm": float(rng.uniform(3.6, 5.5)),
        "colon_gap_mm": float(rng.uniform(0.4, 4.0)),
        "line_mm": float(rng.uniform(2.55, 3.15)),
        "nik_cap": float(rng.uniform(1.45, 1.8)),
        "indent_mm": float(rng.uniform(0.0, 3.0)),
        "label_case": int(rng.integers(3)),
        "ink": int(rng.integers(0, 55)),
    }


LABELS = [
    ("nama", ["Nama", "Nama", "NAMA"]),
    ("ttl", ["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir", "TEMPAT/TGL LAHIR"]),
    ("jk", ["Jenis Kelamin", "Jenis kelamin", "JENIS KELAMIN"]),
    ("alamat", ["Alamat", "Alamat", "ALAMAT"]),
    ("rt_rw", ["RT/RW", "RT/RW", "RT/RW"]),
    ("kel_desa", ["Kel/Desa", "Kel/Desa", "KEL/DESA"]),
    ("kecamatan", ["Kecamatan", "Kecamatan", "KECAMATAN"]),
    ("agama", ["Agama", "Agama", "AGAMA"]),
    ("status_perkawinan", ["Status Perkawinan", "Status Perkawinan", "STATUS PERKAWINAN"]),
    ("pekerjaan", ["Pekerjaan", "Pekerjaan", "PEKERJAAN"]),
    ("kewarganegaraan", ["Kewarganegaraan", "Kewarganegaraan", "KEWARGANEGARAAN"]),
    ("berlaku_hingga", ["Berlaku Hingga", "Berlaku Hingga", "BERLAKU HINGGA"]),
]
INDENTED = {"rt_rw", "kel_desa", "kecamatan"}


def wrap(value, st, max_w):
    """Split a value into lines that fit max_w, breaking only at spaces."""
    words = value.split(" ")
    lines, cur = [], ""
    for w in words:
        cand = w if not cur else cur + " " + w
        if T.width(cand, st) <= max_w or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    lines.append(cur)
    return lines


def layout_rows(fields, extra, sty, ppmm, cap, line):
    vals = {
        "nama": fields["nama"],
        "ttl": fields["tempat_lahir"] + ", " + extra["birth_print"],
        "jk": fields["jenis_kelamin"],
        "alamat": fields["alamat"], "rt_rw": fields["rt_rw"], "kel_desa": fields["kel_desa"],
        "kecamatan": fields["kecamatan"], "agama": fields["agama"],
        "status_perkawinan": fields["status_perkawinan"], "pekerjaan": fields["pekerjaan"],
        "kewarganegaraan": fields["kewarganegaraan"], "berlaku_hingga": fields["berlaku_hingga"],
    }
    lab = T.Style(sty["font"], cap, bold=sty["bold_labels"], hscale=sty["hscale"])
    val = T.Style(sty["font"], cap, bold=sty["bold_values"], hscale=sty["hscale"],
                  stroke=sty["stroke"] if (cap > 14 and not sty["bold_values"]) else 0)
    left = sty["left_mm"] * ppmm
    label_texts = {k: opts[sty["label_case"]] for k, opts in LABELS}
    lw = max(T.width(t, lab) for t in label_texts.values())
    colon_x = left + lw + sty["colon_gap_mm"] * ppmm
    val_x = colon_x + T.width(":", lab) + 0.9 * ppmm
    max_w = 58.5 * ppmm - val_x
    rows, n_lines = [], 0
    for key, _ in LABELS:
        v = vals[key]
        lines = wrap(v, val, max_w if key != "jk" else 1e9)
        rows.append((key, label_texts[key], lines))
        n_lines += 1 + 0.92 * (len(lines) - 1)
    return rows, lab, val, left, colon_x, val_x, max_w, n_lines


def draw_card(rng, fields, extra, ppmm):
    W, H = int(round(85.6 * ppmm)), int(round(54.0 * ppmm))
    sty = choose_style(rng, ppmm)
    cap, line = sty["cap"], sty["line_mm"] * ppmm
    nik_y = rng.uniform(13.0, 13.8) * ppmm
    top = nik_y + rng.uniform(2.9, 3.6) * ppmm
    for _ in range(12):
        rows, lab, val, left, colon_x, val_x, max_w, n_lines = layout_rows(
            fields, extra, sty, ppmm, cap, line)
        too_wide = any(len(r[2]) > 2 for r in rows) or max_w < 24 * ppmm
        if top + (n_lines - 1) * line + 0.6 * ppmm <= 52.3 * ppmm and not too_wide:
            break
        line = max(2.1 * ppmm, line * 0.95)
        cap = max(1.15 * ppmm, cap * 0.95)
        sty["colon_gap_mm"] = max(0.3, sty["colon_gap_mm"] * 0.7)
        sty["hscale"] = max(0.8, sty["hscale"] * 0.97)
    ink = np.zeros((H, W), np.float32)
    # header
    hst = T.Style(sty["header_font"], cap * rng.uniform(1.15, 1.45), bold=rng.random() < 0.85)
    for txt, yb in (("PROVINSI " + fields["provinsi"], 5.2), (fields["kabupaten_kota"], 9.0)):
        s = hst
        while T.width(txt, s) > 78 * ppmm and s.hscale > 0.6:
            s = s.with_(hscale=s.hscale * 0.93)
        T.draw(ink, W / 2 + rng.normal(0, 0.3) * ppmm, yb * ppmm, txt, s, align="center")
    # NIK
    nst = T.Style(sty["nik_font"], sty["nik_cap"] * ppmm * rng.uniform(1.2, 1.6), bold=True)
    while T.width(fields["nik"], nst) > min(38 * ppmm, 59.5 * ppmm - val_x):
        nst = nst.with_(hscale=nst.hscale * 0.94)
    lst = T.Style(sty["header_font"], nst.cap * 0.9, bold=True)
    T.draw(ink, left, nik_y, "NIK", lst)
    T.draw(ink, colon_x, nik_y, ":", lst)
    T.draw(ink, val_x, nik_y, fields["nik"], nst)
    # rows
    y = top
    indent = sty["indent_mm"] * ppmm
    for key, label, lines in rows:
        lx = left + (indent if key in INDENTED else 0)
        T.draw(ink, lx, y, label, lab)
        T.draw(ink, colon_x, y, ":", lab)
        for j, ln in enumerate(lines):
            T.draw(ink, val_x, y + j * 0.92 * line, ln, val)
        if key == "jk":
            gtxt = ["Gol. Darah", "Gol Darah", "GOL. DARAH"][sty["label_case"]]
            gl, gv = lab, val
            vend = val_x + T.width(lines[0], val) + 1.5 * ppmm
            for _ in range(10):
                gw = T.width(gtxt, gl) + T.width(":", gl) + T.width("AB", gv) + 1.8 * ppmm
                if vend + gw <= 59.5 * ppmm:
                    break
                gl, gv = gl.with_(hscale=gl.hscale * 0.92), gv.with_(hscale=gv.hscale * 0.92)
            gx = max(val_x + T.width("PEREMPUAN", val) + rng.uniform(2.0, 6.0) * ppmm,
                     rng.uniform(36, 42) * ppmm)
            gx = max(vend, min(gx, 59.5 * ppmm - gw))
            gx2 = T.draw(ink, gx, y, gtxt, gl) + gx + 0.6 * ppmm
            T.draw(ink, gx2, y, ":", gl)
            T.draw(ink, gx2 + T.width(":", gl) + 0.9 * ppmm, y, fields["golongan_darah"], gv)
        y += line * (1 + 0.92 * (len(lines) - 1))
    # right column: issue place and date, signature
    small = T.Style(sty["font"], cap * rng.uniform(0.8, 0.95), bold=sty["bold_values"])
    cx = rng.uniform(70.5, 72.5) * ppmm
    place = extra["issue_place"]
    while T.width(place, small) > 22 * ppmm and small.hscale > 0.55:
        small = small.with_(hscale=small.hscale * 0.92)
    T.draw(ink, cx, 41.0 * ppmm, place, small, align="center")
    T.draw(ink, cx, 41.0 * ppmm + small.cap * 1.6, extra["issue_date"],
           small.with_(hscale=1.0), align="center")
    # compose
    img = background(rng, W, H, ppmm)
    ph = passport_photo(rng, int(21 * ppmm), int(27 * ppmm), extra["female"])
    px0, py0 = int(cx - 10.5 * ppmm), int(12.0 * ppmm)
    img[py0:py0 + ph.shape[0], px0:px0 + ph.shape[1]] = ph
    ink = cv2.GaussianBlur(ink, (0, 0), max(0.3, 0.03 * ppmm))
    inkc = np.array([sty["ink"], sty["ink"], sty["ink"] + rng.integers(0, 20)], np.float32)
    a = np.clip(ink * rng.uniform(0.88, 1.0), 0, 1)[..., None]
    img = img * (1 - a) + inkc * a
    signature(rng, img, cx, 47.5 * ppmm, ppmm)
    info = {"font": sty["font"], "header_font": sty["header_font"], "nik_font": sty["nik_font"],
            "cap_mm": round(cap / ppmm, 2), "line_mm": round(line / ppmm, 2),
            "label_col_mm": round(colon_x / ppmm, 1), "hscale": round(sty["hscale"], 2),
            "bold_values": sty["bold_values"],
            "wrapped": [r[0] for r in rows if len(r[2]) > 1]}
    img, tinfo = tint(rng, img)
    info.update(tinfo)
    img = wear(rng, img, ppmm, info)
    alpha = rounded_alpha(W, H, 3.2 * ppmm)
    rgba = np.dstack([np.clip(img, 0, 255), alpha * 255]).astype(np.uint8)
    return rgba, info
