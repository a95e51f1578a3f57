"""Random streams, fonts and small drawing helpers."""
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FD = "/usr/share/fonts/"

# family -> (regular, bold, weight of use on KTP cards)
FAMILIES = {
    "arimo": ("truetype/croscore/Arimo-Regular.ttf", "truetype/croscore/Arimo-Bold.ttf", 6),
    "liberation": ("truetype/liberation2/LiberationSans-Regular.ttf",
                   "truetype/liberation2/LiberationSans-Bold.ttf", 6),
    "aerial": ("truetype/arkpandora/Aerial.ttf", "truetype/arkpandora/AerialBd.ttf", 4),
    "nimbus": ("opentype/urw-base35/NimbusSans-Regular.otf",
               "opentype/urw-base35/NimbusSans-Bold.otf", 4),
    "nimbus_narrow": ("opentype/urw-base35/NimbusSansNarrow-Regular.otf",
                      "opentype/urw-base35/NimbusSansNarrow-Bold.otf", 2),
    "lib_narrow": ("truetype/liberation/LiberationSansNarrow-Regular.ttf",
                   "truetype/liberation/LiberationSansNarrow-Bold.ttf", 2),
    "dejavu": ("truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf", 2),
    "dejavu_cond": ("truetype/dejavu/DejaVuSansCondensed.ttf",
                    "truetype/dejavu/DejaVuSansCondensed-Bold.ttf", 2),
    "roboto": ("truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
               "truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf", 2),
    "roboto_cond": ("truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
                    "truetype/roboto/unhinted/RobotoCondensed-Bold.ttf", 2),
    "opensans": ("truetype/open-sans/OpenSans-Regular.ttf",
                 "truetype/open-sans/OpenSans-Bold.ttf", 1),
    "noto": ("truetype/noto/NotoSans-Regular.ttf", "truetype/noto/NotoSans-Bold.ttf", 1),
    "lato": ("truetype/lato/Lato-Regular.ttf", "truetype/lato/Lato-Bold.ttf", 1),
    "freesans": ("truetype/freefont/FreeSans.ttf", "truetype/freefont/FreeSansBold.ttf", 2),
    "carlito": ("truetype/crosextra/Carlito-Regular.ttf",
                "truetype/crosextra/Carlito-Bold.ttf", 1),
    "din": ("truetype/opendin/OSP-DIN.ttf", "truetype/opendin/OSP-DIN.ttf", 1),
    "oxygen": ("truetype/oxygen/Oxygen-Sans.ttf", "truetype/oxygen/Oxygen-Sans-Bold.ttf", 1),
    "go": ("fonts-go/Go-Regular.ttf", "fonts-go/Go-Bold.ttf", 1),
}
MONO = ["truetype/dejavu/DejaVuSansMono.ttf", "truetype/liberation2/LiberationMono-Regular.ttf",
        "truetype/freefont/FreeMono.ttf", "opentype/ocr-b/OCRB.otf", "truetype/croscore/Cousine-Regular.ttf"]
SERIF = ["truetype/liberation2/LiberationSerif-Regular.ttf", "truetype/croscore/Tinos-Regular.ttf",
         "opentype/urw-base35/NimbusRoman-Regular.otf", "truetype/dejavu/DejaVuSerif.ttf"]


class R:
    """A deterministic random stream keyed by integers."""

    def __init__(self, *key):
        self.g = np.random.default_rng(np.random.SeedSequence([int(k) for k in key]))

    def u(self, a=0.0, b=1.0):
        return float(self.g.uniform(a, b))

    def i(self, a, b):
        """Integer in [a, b] inclusive."""
        return int(self.g.integers(a, b + 1))

    def p(self, prob):
        return bool(self.g.random() < prob)

    def n(self, mu=0.0, sd=1.0):
        return float(self.g.normal(mu, sd))

    def ch(self, seq, w=None):
        if w is None:
            return seq[int(self.g.integers(len(seq)))]
        w = np.asarray(w, float)
        return seq[int(self.g.choice(len(seq), p=w / w.sum()))]

    def sub(self):
        return R(*[int(x) for x in self.g.integers(0, 2**31, size=3)])


@lru_cache(maxsize=512)
def font(path, size):
    return ImageFont.truetype(FD + path if not path.startswith("/") else path, max(4, int(round(size))))


@lru_cache(maxsize=128)
def cap_ratio(path):
    """Cap height of 'H' divided by the font size."""
    f = font(path, 200)
    b = f.getbbox("H", anchor="ls")
    return (b[3] - b[1]) / 200.0


def font_for_cap(path, cap_px):
    return font(path, cap_px / cap_ratio(path))


def text_w(f, s):
    return f.getlength(s)


def draw_text(layer, xy, s, f, fill, sx=1.0, anchor="ls"):
    """Draw text on a PIL RGBA image; sx<1 squeezes horizontally. Returns drawn width."""
    if abs(sx - 1.0) < 0.01:
        ImageDraw.Draw(layer).text(xy, s, font=f, fill=fill, anchor=anchor)
        return f.getlength(s)
    w = int(f.getlength(s)) + 4
    asc, desc = f.getmetrics()
    tmp = Image.new("RGBA", (w, asc + desc + 4), (0, 0, 0, 0))
    ImageDraw.Draw(tmp).text((2, asc + 2), s, font=f, fill=fill, anchor="ls")
    nw = max(1, int(round(w * sx)))
    tmp = tmp.resize((nw, tmp.height), Image.LANCZOS)
    x, y = xy
    if anchor[0] == "m":
        x -= nw / 2
    elif anchor[0] == "r":
        x -= nw
    layer.alpha_composite(tmp, (int(round(x - 2 * sx)), int(round(y - asc - 2))))
    return nw


def rounded_mask(h, w, r):
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, w - 1, h - 1], radius=int(r), fill=255)
    return np.asarray(m)


def lowres_noise(rng, h, w, cells, octaves=3):
    """Smooth value noise in [0,1] of shape (h, w)."""
    out = np.zeros((h, w), np.float32)
    amp, tot = 1.0, 0.0
    for o in range(octaves):
        c = max(2, int(cells * 2 ** o))
        ch = max(2, int(c * h / max(h, w)) + 1)
        cw = max(2, int(c * w / max(h, w)) + 1)
        g = rng.g.random((ch, cw)).astype(np.float32)
        out += amp * cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= 0.5
    out /= tot
    return np.clip(out, 0, 1)


def to_f(img):
    return img.astype(np.float32) / 255.0


def to_u8(img):
    return np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
