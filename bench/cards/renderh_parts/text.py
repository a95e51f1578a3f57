"""Fonts and text drawing into an ink mask (float32, 0..1)."""
import os

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ["/usr/share/fonts"]
_CACHE = {}


def _all_fonts():
    out = []
    for d in FONT_DIRS:
        for root, _dirs, files in os.walk(d):
            for f in files:
                if f.lower().endswith((".ttf", ".otf")):
                    out.append(os.path.join(root, f))
    return sorted(out)


ALL = _all_fonts()


def _find(names):
    for n in names:
        for p in ALL:
            if os.path.basename(p).lower() == n.lower():
                return p
    return None


def _family(regular, bold):
    r = _find(regular)
    b = _find(bold) or r
    return (r, b) if r else None


SPEC = [
    ("sans", "LiberationSans-Regular.ttf Arimo-Regular.ttf DejaVuSans.ttf",
     "LiberationSans-Bold.ttf Arimo-Bold.ttf DejaVuSans-Bold.ttf"),
    ("sans_dv", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("sans_c", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("narrow", "LiberationSansNarrow-Regular.ttf NimbusSansNarrow-Regular.otf",
     "LiberationSansNarrow-Bold.ttf NimbusSansNarrow-Bold.otf"),
    ("serif", "LiberationSerif-Regular.ttf Tinos-Regular.ttf", "LiberationSerif-Bold.ttf Tinos-Bold.ttf"),
    ("serif_dv", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("serif_c", "DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf"),
    ("mono", "LiberationMono-Regular.ttf Cousine-Regular.ttf", "LiberationMono-Bold.ttf Cousine-Bold.ttf"),
    ("mono_dv", "DejaVuSansMono.ttf Hack-Regular.ttf", "DejaVuSansMono-Bold.ttf Hack-Bold.ttf"),
    ("freemono", "FreeMono.ttf NimbusMonoPS-Regular.otf", "FreeMonoBold.ttf NimbusMonoPS-Bold.otf"),
    ("freesans", "FreeSans.ttf", "FreeSansBold.ttf"),
    ("carlito", "Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    ("lato", "Lato-Regular.ttf", "Lato-Bold.ttf"),
    ("roboto", "Roboto-Regular.ttf", "Roboto-Bold.ttf"),
    ("opensans", "OpenSans-Regular.ttf", "OpenSans-Bold.ttf"),
    ("opensans_c", "OpenSans-CondLight.ttf", "OpenSans-CondBold.ttf"),
    ("noto", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("go", "Go-Regular.ttf", "Go-Bold.ttf"),
    ("nimbus", "NimbusSans-Regular.otf", "NimbusSans-Bold.otf"),
    ("urwgothic", "URWGothic-Book.otf", "URWGothic-Demi.otf"),
    ("oxygen", "Oxygen-Sans.ttf", "Oxygen-Sans-Bold.ttf"),
    ("b612", "B612-Regular.otf", "B612-Bold.otf"),
    ("din", "OSP-DIN.ttf", "OSP-DIN.ttf"),
    ("light", "DejaVuSans-ExtraLight.ttf OpenSans-Light.ttf", "DejaVuSans.ttf OpenSans-Regular.ttf"),
    ("ocrb", "OCRB.otf", "OCRB.otf"),
]
FAMILIES = {k: _family(r.split(), b.split()) for k, r, b in SPEC}
FAMILIES = {k: v for k, v in FAMILIES.items() if v}
if not FAMILIES and ALL:
    FAMILIES = {"any": (ALL[0], ALL[0])}
HERSHEY = {"hershey_simplex": cv2.FONT_HERSHEY_SIMPLEX, "hershey_duplex": cv2.FONT_HERSHEY_DUPLEX,
           "hershey_complex": cv2.FONT_HERSHEY_COMPLEX, "hershey_plain": cv2.FONT_HERSHEY_PLAIN}


def family_names():
    """Body-text families (OCR-B is kept for the NIK only)."""
    return sorted(k for k in FAMILIES if k != "ocrb") + sorted(HERSHEY)


def _pil_font(path, px):
    key = (path, px)
    if key not in _CACHE:
        if path is None:
            _CACHE[key] = ImageFont.load_default()
        else:
            f = ImageFont.truetype(path, px)
            _CACHE[key] = (f, f.getbbox("H")[3] - f.getbbox("H")[1])
    return _CACHE[key]


def _pil_for_cap(path, cap):
    """Pick a pixel size whose capital height is about cap."""
    px = max(6, int(round(cap / 0.73)))
    f, h = _pil_font(path, px)
    if h > 0:
        px2 = max(6, int(round(px * cap / h)))
        if px2 != px:
            f, h = _pil_font(path, px2)
    return f


class Style:
    """family, cap height px, bold (bool), horizontal scale, extra stroke."""

    def __init__(self, family, cap, bold=False, hscale=1.0, stroke=0):
        self.family, self.cap, self.bold = family, float(cap), bold
        self.hscale, self.stroke = hscale, stroke

    def with_(self, **kw):
        d = dict(family=self.family, cap=self.cap, bold=self.bold, hscale=self.hscale,
                 stroke=self.stroke)
        d.update(kw)
        return Style(**d)


def render(text, st):
    """Return (mask uint8 HxW, baseline_y) for the text."""
    if st.family in HERSHEY:
        font = HERSHEY[st.family]
        (w1, h1), _ = cv2.getTextSize("H", font, 1.0, 1)
        scale = st.cap / max(1, h1)
        th = max(1, int(round(st.cap * (0.16 if st.bold else 0.10))))
        (w, h), base = cv2.getTextSize(text, font, scale, th)
        pad = th + 2
        img = np.zeros((int(h + base + 2 * pad + st.cap * 0.4), w + 2 * pad), np.uint8)
        by = pad + h
        cv2.putText(img, text, (pad, by), font, scale, 255, th, cv2.LINE_AA)
    else:
        reg, bold = FAMILIES[st.family]
        f = _pil_for_cap(bold if st.bold else reg, st.cap)
        asc, desc = f.getmetrics()
        w = int(f.getlength(text)) + 4 + 2 * st.stroke
        img_p = Image.new("L", (w, asc + desc + 4 + 2 * st.stroke), 0)
        d = ImageDraw.Draw(img_p)
        by = 2 + st.stroke + asc
        d.text((2 + st.stroke, by), text, font=f, fill=255, anchor="ls",
               stroke_width=st.stroke, stroke_fill=255)
        img = np.asarray(img_p)
    if abs(st.hscale - 1.0) > 0.01:
        nw = max(1, int(round(img.shape[1] * st.hscale)))
        img = cv2.resize(img, (nw, img.shape[0]), interpolation=cv2.INTER_AREA)
    return img, by


def width(text, st):
    m, _ = render(text, st)
    cols = np.where(m.max(axis=0) > 40)[0]
    return 0 if len(cols) == 0 else int(cols[-1] + 1)


def draw(mask, x, y_base, text, st, align="left", alpha=1.0):
    """Draw text with its baseline at y_base. Returns drawn width."""
    m, by = render(text, st)
    cols = np.where(m.max(axis=0) > 40)[0]
    if len(cols) == 0:
        return 0
    x0c, x1c = int(cols[0]), int(cols[-1]) + 1
    m = m[:, x0c:]
    w = x1c - x0c
    if align == "center":
        x = x - w / 2.0
    elif align == "right":
        x = x - w
    x, y = int(round(x)), int(round(y_base - by))
    H, W = mask.shape
    ys, xs = max(0, y), max(0, x)
    ye, xe = min(H, y + m.shape[0]), min(W, x + m.shape[1])
    if ye <= ys or xe <= xs:
        return w
    sub = m[ys - y:ye - y, xs - x:xe - x].astype(np.float32) * (alpha / 255.0)
    np.maximum(mask[ys:ye, xs:xe], sub, out=mask[ys:ye, xs:xe])
    return w
