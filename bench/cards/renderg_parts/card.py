"""Flat e-KTP card image from fields (layout, fonts, ink, tint, wear)."""
import numpy as np
import cv2
from PIL import Image, ImageDraw
from . import fonts as F
from .card_bg import card_background, portrait, signature, wear_mask, TINTS

CARD_W_MM, CARD_H_MM = 85.6, 54.0


def _label(text, case):
    return text.upper() if case == "upper" else text


class Ink:
    """L-mode ink layer with helpers to draw (optionally squeezed) text."""

    def __init__(self, w, h):
        self.img = Image.new("L", (w, h), 0)
        self.d = ImageDraw.Draw(self.img)

    def width(self, text, font):
        return self.d.textlength(text, font=font)

    def text(self, x, y, text, font, maxw=None, stroke=0, anchor="ls"):
        """Draw at baseline y; squeeze horizontally if wider than maxw. Returns width."""
        tw = self.width(text, font) + 2 * stroke
        if maxw is None or tw <= maxw or anchor != "ls":
            self.d.text((x, y), text, fill=255, font=font, anchor=anchor, stroke_width=stroke, stroke_fill=255)
            return tw
        asc, desc = font.getmetrics()
        tmp = Image.new("L", (int(tw) + 4, asc + desc + 4), 0)
        ImageDraw.Draw(tmp).text((2, 2 + asc), text, fill=255, font=font, anchor="ls",
                                 stroke_width=stroke, stroke_fill=255)
        tmp = tmp.resize((max(1, int(maxw)), tmp.height), Image.LANCZOS)
        self.img.paste(255, (int(x) - 2, int(y) - asc - 2), tmp)
        return maxw


def draw_style(rng, hard):
    fam = F.pick_family(rng)
    st = {
        "font": fam,
        "header_font": fam if rng.random() < 0.7 else F.pick_family(rng),
        "nik_font": fam if rng.random() < 0.6 else F.pick_family(rng),
        "label_case": "upper" if rng.random() < 0.15 else "title",
        "body_mm": float(rng.uniform(1.85, 2.4)),
        "label_scale": float(rng.uniform(0.88, 1.05)),
        "nik_mm": float(rng.uniform(2.6, 3.5)),
        "header_mm": float(rng.uniform(2.3, 3.0)),
        "row_mm": float(rng.uniform(2.5, 3.1)),
        "label_x_mm": float(rng.uniform(2.2, 4.5)),
        "colon_x_mm": float(rng.uniform(18.5, 24.0)),
        "colon_mode": "after_label" if rng.random() < 0.18 else "aligned",
        "value_gap_mm": float(rng.uniform(0.6, 2.0)),
        "indent_mm": float(rng.uniform(0.8, 3.0)) if rng.random() < 0.8 else 0.0,
        "values_bold": bool(rng.random() < 0.12),
        "heavy_ink": bool(rng.random() < 0.2),
        "photo_x_mm": float(rng.uniform(61.5, 65.0)),
        "photo_w_mm": float(rng.uniform(17.5, 20.0)),
        "tint": TINTS[int(np.searchsorted(np.cumsum([0.45, 0.2, 0.12, 0.15, 0.08]), rng.random()))],
        "ink_rgb": [int(v) for v in (rng.uniform(10, 50), rng.uniform(10, 50), rng.uniform(15, 70))],
        "wear": float(rng.choice([0, 0, 0, 0.1, 0.2, 0.3, 0.5])) if not hard else float(rng.choice([0, 0.3, 0.6, 0.9])),
        "wrap_alamat": bool(rng.random() < 0.5),
    }
    return st


def render_card(rng, fields, extra, ppm, hard):
    """Returns (rgb uint8 HxWx3, alpha uint8 HxW, style dict)."""
    st = draw_style(rng, hard)
    W, H = int(round(CARD_W_MM * ppm)), int(round(CARD_H_MM * ppm))
    mm = lambda v: v * ppm
    bg = card_background(rng, H, W, ppm, st["tint"])
    ink = Ink(W, H)
    fb = F.font(st["font"], st["values_bold"], mm(st["body_mm"]))
    fl = F.font(st["font"], False, mm(st["body_mm"] * st["label_scale"]))
    fh = F.font(st["header_font"], True, mm(st["header_mm"]))
    fn = F.font(st["nik_font"], True, mm(st["nik_mm"]))
    stroke = max(1, int(mm(st["body_mm"]) * 0.035)) if st["heavy_ink"] and ppm > 14 else 0
    # header
    y = mm(1.5) + mm(st["header_mm"]) * 0.8
    prov_line = "PROVINSI " + fields["provinsi"]
    ink.text(W / 2, y, prov_line, fh, anchor="ms")
    y += mm(st["header_mm"]) * 1.15
    ink.text(W / 2, y, fields["kabupaten_kota"], fh, anchor="ms")
    # NIK row
    lx = mm(st["label_x_mm"])
    labels = ["Tempat/Tgl Lahir", "Jenis Kelamin", "Status Perkawinan", "Kewarganegaraan", "Berlaku Hingga"]
    maxlab = max(ink.width(_label(t, st["label_case"]), fl) for t in labels)
    cx = max(mm(st["colon_x_mm"]), lx + maxlab + mm(0.8) + mm(st["indent_mm"]) * 0)
    vx = cx + mm(st["value_gap_mm"])
    px = mm(st["photo_x_mm"])
    pw = mm(st["photo_w_mm"])
    px = min(px, W - pw - mm(2.0))
    maxv = px - vx - mm(1.0)
    y += mm(st["nik_mm"]) * 1.25 + mm(rng.uniform(0.5, 1.6))
    ink.text(lx, y, "NIK", fn)
    ink.text(cx if st["colon_mode"] == "aligned" else lx + ink.width("NIK ", fn), y, ":", fn)
    ink.text(vx + mm(0.3), y, fields["nik"], fn, maxw=maxv + mm(1))
    nik_y = y
    # body rows
    f = fields
    gd_mm = float(rng.uniform(40.0, 48.0))
    rows = [("Nama", f["nama"], 0), ("Tempat/Tgl Lahir", "%s, %s" % (f["tempat_lahir"], extra["birth_dmy"]), 0),
            ("Jenis Kelamin", f["jenis_kelamin"], 0), ("Alamat", f["alamat"], 0),
            ("RT/RW", f["rt_rw"], 1), ("Kel/Desa", f["kel_desa"], 1), ("Kecamatan", f["kecamatan"], 1),
            ("Agama", f["agama"], 0), ("Status Perkawinan", f["status_perkawinan"], 0),
            ("Pekerjaan", f["pekerjaan"], 0), ("Kewarganegaraan", f["kewarganegaraan"], 0),
            ("Berlaku Hingga", f["berlaku_hingga"], 0)]
    alamat_lines = [f["alamat"]]
    if st["wrap_alamat"] and ink.width(f["alamat"], fb) > maxv and " " in f["alamat"]:
        words = f["alamat"].split()
        for k in range(len(words) - 1, 0, -1):
            if ink.width(" ".join(words[:k]), fb) <= maxv:
                alamat_lines = [" ".join(words[:k]), " ".join(words[k:])]
                break
    nlines = len(rows) + len(alamat_lines) - 1
    y0 = nik_y + mm(st["row_mm"]) * 1.1
    row = min(mm(st["row_mm"]), (H - mm(1.6) - y0) / max(1, nlines - 1))
    st["row_mm_eff"] = round(row / ppm, 3)
    y = y0
    for lab, val, ind in rows:
        lab_t = _label(lab, st["label_case"])
        xl = lx + ind * mm(st["indent_mm"])
        ink.text(xl, y, lab_t, fl, stroke=stroke)
        colx = cx if st["colon_mode"] == "aligned" else xl + ink.width(lab_t + " ", fl)
        ink.text(colx, y, ":", fl, stroke=stroke)
        if lab == "Alamat":
            for li, line in enumerate(alamat_lines):
                ink.text(vx, y, line, fb, maxw=maxv, stroke=stroke)
                if li < len(alamat_lines) - 1:
                    y += row
        elif lab == "Jenis Kelamin":
            gx = max(mm(gd_mm), vx + ink.width(val, fb) + mm(2.5))
            ink.text(vx, y, val, fb, stroke=stroke)
            gl = _label("Gol. Darah", st["label_case"])
            gx = min(gx, px - mm(1.2) - ink.width(gl + " : " + f["golongan_darah"], fl))
            ink.text(gx, y, gl, fl, stroke=stroke)
            ink.text(gx + ink.width(gl + " ", fl), y, ":", fl, stroke=stroke)
            ink.text(gx + ink.width(gl + " : ", fl), y, f["golongan_darah"], fb, stroke=stroke)
        else:
            ink.text(vx, y, val, fb, maxw=maxv, stroke=stroke)
        y += row
    # photo, place/date, signature
    ph_y = nik_y - mm(st["nik_mm"]) * 0.6
    ph_h = pw * rng.uniform(1.25, 1.38)
    pimg = portrait(rng, int(ph_h), int(pw), extra["photo_red"], extra["female"])
    x0, y0p = int(px), int(ph_y)
    bg[y0p:y0p + pimg.shape[0], x0:x0 + pimg.shape[1]] = pimg
    fs = F.font(st["font"], False, mm(st["body_mm"]) * rng.uniform(0.85, 1.0))
    ty = y0p + pimg.shape[0] + mm(st["body_mm"]) * 1.1
    ink.text(x0 + pw / 2, ty, extra["issue_place"], fs, anchor="ms")
    ty += mm(st["body_mm"]) * 1.05
    ink.text(x0 + pw / 2, ty, extra["issue_date"], fs, anchor="ms")
    sh = int(min(H - ty - mm(0.8), mm(6)))
    ink_a = np.asarray(ink.img, np.float32) / 255.0
    if sh > 4:
        sig = signature(rng, sh, int(pw), max(1, int(ppm * 0.15))).astype(np.float32) / 255
        ys = int(ty + mm(0.4))
        ink_a[ys:ys + sh, x0:x0 + int(pw)] = np.maximum(ink_a[ys:ys + sh, x0:x0 + int(pw)], sig[:H - ys])
    ink_a = cv2.GaussianBlur(ink_a, (0, 0), max(0.3, ppm * 0.03))
    wm = wear_mask(rng, H, W, ppm, st["wear"])
    if wm is not None:
        ink_a = ink_a * (1 - wm)
        bg = bg * (1 - 0.15 * wm[..., None]) + 240 * 0.15 * wm[..., None]
    ink_rgb = np.array(st["ink_rgb"], np.float32)
    if st["tint"] == "photocopy":
        ink_rgb[:] = ink_rgb.mean()
    out = bg * (1 - ink_a[..., None]) + ink_rgb * ink_a[..., None]
    alpha = np.zeros((H, W), np.uint8)
    r = int(mm(3.0))
    cv2.rectangle(alpha, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(alpha, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cxy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(alpha, cxy, r, 255, -1, cv2.LINE_AA)
    style = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in st.items()}
    return np.clip(out, 0, 255).astype(np.uint8), alpha, style
