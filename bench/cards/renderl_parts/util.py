"""Small helpers: random picks, font families, text masks."""
import os
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FD = "/usr/share/fonts"

# family name -> (regular, bold) file paths; grouped by style of card printer
FAMILIES = {
    "liberation": ("truetype/liberation/LiberationSans-Regular.ttf", "truetype/liberation/LiberationSans-Bold.ttf"),
    "arimo": ("truetype/croscore/Arimo-Regular.ttf", "truetype/croscore/Arimo-Bold.ttf"),
    "nimbus": ("opentype/urw-base35/NimbusSans-Regular.otf", "opentype/urw-base35/NimbusSans-Bold.otf"),
    "aerial": ("truetype/arkpandora/Aerial.ttf", "truetype/arkpandora/AerialBd.ttf"),
    "freesans": ("truetype/freefont/FreeSans.ttf", "truetype/freefont/FreeSansBold.ttf"),
    "dejavu": ("truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf"),
    "dejavu_cond": ("truetype/dejavu/DejaVuSansCondensed.ttf", "truetype/dejavu/DejaVuSansCondensed-Bold.ttf"),
    "lib_narrow": ("truetype/liberation/LiberationSansNarrow-Regular.ttf", "truetype/liberation/LiberationSansNarrow-Bold.ttf"),
    "nimbus_narrow": ("opentype/urw-base35/NimbusSansNarrow-Regular.otf", "opentype/urw-base35/NimbusSansNarrow-Bold.otf"),
    "roboto": ("truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", "truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    "roboto_cond": ("truetype/roboto/unhinted/RobotoCondensed-Regular.ttf", "truetype/roboto/unhinted/RobotoCondensed-Bold.ttf"),
    "opensans": ("truetype/open-sans/OpenSans-Regular.ttf", "truetype/open-sans/OpenSans-Bold.ttf"),
    "noto": ("truetype/noto/NotoSans-Regular.ttf", "truetype/noto/NotoSans-Bold.ttf"),
    "lato": ("truetype/lato/Lato-Regular.ttf", "truetype/lato/Lato-Bold.ttf"),
    "carlito": ("truetype/crosextra/Carlito-Regular.ttf", "truetype/crosextra/Carlito-Bold.ttf"),
    "oxygen": ("truetype/oxygen/Oxygen-Sans.ttf", "truetype/oxygen/Oxygen-Sans-Bold.ttf"),
    "veranda": ("truetype/arkpandora/Veranda.ttf", "truetype/arkpandora/VerandaBd.ttf"),
    "go": ("fonts-go/Go-Regular.ttf", "fonts-go/Go-Bold.ttf"),
    "ocrb": ("opentype/ocr-b/OCRB.otf", "opentype/ocr-b/OCRB.otf"),
    "serif": ("truetype/liberation/LiberationSerif-Regular.ttf", "truetype/liberation/LiberationSerif-Bold.ttf"),
    "mono": ("truetype/dejavu/DejaVuSansMono.ttf", "truetype/dejavu/DejaVuSansMono-Bold.ttf"),
}
# weights for the KTP body text: mostly Arial-like, then plain sans, then condensed
KTP_BODY = [("liberation", 8), ("arimo", 6), ("nimbus", 5), ("aerial", 3), ("freesans", 3),
            ("dejavu", 2), ("dejavu_cond", 3), ("lib_narrow", 3), ("nimbus_narrow", 2),
            ("roboto", 2), ("roboto_cond", 2), ("opensans", 1), ("noto", 2), ("lato", 1),
            ("carlito", 1), ("oxygen", 1), ("veranda", 1), ("go", 1)]

_font_cache = {}


def font_path(family, bold=False):
    p = os.path.join(FD, FAMILIES[family][1 if bold else 0])
    if not os.path.exists(p):  # fall back to DejaVu if a package is missing
        p = os.path.join(FD, FAMILIES["dejavu"][1 if bold else 0])
    return p


def font(family, px, bold=False):
    key = (family, int(px), bold)
    f = _font_cache.get(key)
    if f is None:
        f = ImageFont.truetype(font_path(family, bold), max(6, int(px)))
        _font_cache[key] = f
    return f


def pick(rng, seq, p=None):
    if p is not None:
        p = np.asarray(p, float)
        p = p / p.sum()
        return seq[int(rng.choice(len(seq), p=p))]
    return seq[int(rng.integers(len(seq)))]


def wpick(rng, pairs):
    return pick(rng, [a for a, _ in pairs], [w for _, w in pairs])


def chance(rng, p):
    return bool(rng.random() < p)


def text_width(fnt, text, sx=1.0):
    return fnt.getlength(text) * sx


def cap_height(fnt):
    b = fnt.getbbox("H")
    return b[3] - b[1]


def draw_text(mask, xy, text, fnt, sx=1.0, anchor="ls", bold_px=0, alpha=255, rot=0.0):
    """Draw text into a uint8 numpy mask (max-blend). xy = left/baseline (anchor l/m/r + s).
    sx = horizontal squeeze, bold_px = fake bolding, rot = small rotation in degrees.
    Returns the drawn advance width in pixels."""
    x, y = xy
    asc, desc = fnt.getmetrics()
    w = int(fnt.getlength(text)) + 6 + bold_px
    h = asc + desc + 6
    tmp = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(tmp)
    for k in range(0, bold_px + 1):
        d.text((3 + k, 3 + asc), text, font=fnt, fill=alpha, anchor="ls")
    nw = max(1, int(round(w * sx)))
    if nw != w:
        tmp = tmp.resize((nw, h), Image.BILINEAR)
    if rot:
        tmp = tmp.rotate(rot, resample=Image.BILINEAR, expand=False)
    ox = x - 3 * sx
    if anchor[0] == "m":
        ox = x - nw / 2
    elif anchor[0] == "r":
        ox = x - nw
    ox, oy = int(round(ox)), int(round(y - 3 - asc))
    a = np.asarray(tmp)
    H, W = mask.shape[:2]
    x0, y0 = max(0, ox), max(0, oy)
    x1, y1 = min(W, ox + a.shape[1]), min(H, oy + a.shape[0])
    if x1 > x0 and y1 > y0:
        sub = a[y0 - oy:y1 - oy, x0 - ox:x1 - ox]
        np.maximum(mask[y0:y1, x0:x1], sub, out=mask[y0:y1, x0:x1])
    return (fnt.getlength(text) + bold_px) * sx


def composite_ink(img, mask, color, strength=1.0):
    """img: float32 HxWx3 in 0..1; mask: uint8 HxW; blends toward the ink colour."""
    a = np.asarray(mask, np.float32)[..., None] * (strength / 255.0)
    col = np.asarray(color, np.float32)[None, None, :] / 255.0
    return img * (1 - a) + col * a


def rand_date(rng, y0, y1):
    import datetime as dt
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(int(rng.integers(a, b + 1)))
