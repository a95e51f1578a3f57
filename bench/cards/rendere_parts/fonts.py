"""Font files renderer e draws with, the Debian package of each, font sets and a font cache."""

import os
import sys

from PIL import ImageFont


FONT_PACKAGES = ["fonts-arkpandora", "fonts-open-sans", "fonts-lato", "fonts-opendin", "fonts-go", "fonts-ocr-b"]

_AK = "/usr/share/fonts/truetype/arkpandora/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_LA = "/usr/share/fonts/truetype/lato/"
_GO = "/usr/share/fonts/fonts-go/"
FONT_FILES = {
    "aerial": ("fonts-arkpandora", _AK + "Aerial.ttf"),
    "aerial_bold": ("fonts-arkpandora", _AK + "AerialBd.ttf"),
    "aerial_mono_bold": ("fonts-arkpandora", _AK + "AerialMonoBd.ttf"),
    "opensans": ("fonts-open-sans", _OS + "OpenSans-Regular.ttf"),
    "opensans_semi": ("fonts-open-sans", _OS + "OpenSans-Semibold.ttf"),
    "opensans_bold": ("fonts-open-sans", _OS + "OpenSans-Bold.ttf"),
    "opensans_cond_bold": ("fonts-open-sans", _OS + "OpenSans-CondBold.ttf"),
    "opensans_cond_light": ("fonts-open-sans", _OS + "OpenSans-CondLight.ttf"),
    "lato": ("fonts-lato", _LA + "Lato-Regular.ttf"),
    "lato_medium": ("fonts-lato", _LA + "Lato-Medium.ttf"),
    "lato_bold": ("fonts-lato", _LA + "Lato-Bold.ttf"),
    "lato_heavy": ("fonts-lato", _LA + "Lato-Heavy.ttf"),
    "lato_italic": ("fonts-lato", _LA + "Lato-Italic.ttf"),
    "din": ("fonts-opendin", "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf"),
    "go": ("fonts-go", _GO + "Go-Regular.ttf"),
    "go_medium": ("fonts-go", _GO + "Go-Medium.ttf"),
    "go_bold": ("fonts-go", _GO + "Go-Bold.ttf"),
    "go_mono": ("fonts-go", _GO + "Go-Mono.ttf"),
    "go_mono_bold": ("fonts-go", _GO + "Go-Mono-Bold.ttf"),
    "ocrb": ("fonts-ocr-b", "/usr/share/fonts/opentype/ocr-b/OCRB.otf"),
}

# font sets for the card: (label, value regular, value heavier, bold, stroke for fake bold)
FONT_SETS = {
    "aerial": ("aerial", "aerial", "aerial_bold", "aerial_bold", 0),
    "opensans": ("opensans", "opensans", "opensans_semi", "opensans_bold", 0),
    "opensans_cond": ("opensans_cond_light", "opensans_cond_light", "opensans_cond_bold", "opensans_cond_bold", 0),
    "lato": ("lato", "lato", "lato_medium", "lato_bold", 0),
    "din": ("din", "din", "din", "din", 1),
    "go": ("go", "go", "go_medium", "go_bold", 0),
    "gomono": ("go_mono", "go_mono", "go_mono", "go_mono_bold", 0),
}
FONT_SET_WEIGHTS = {"aerial": 5, "opensans": 2, "opensans_cond": 1.2, "lato": 2, "din": 1.3, "go": 1.5, "gomono": 0.8}
NIK_FONTS = {"same": 5, "ocrb": 1.5, "go_mono_bold": 1, "aerial_mono_bold": 1, "aerial_bold": 1.5, "lato_heavy": 0.7}

_font_cache = {}


def check_fonts():
    missing = [(k, p, f) for k, (p, f) in FONT_FILES.items() if not os.path.isfile(f)]
    if missing:
        pkgs = sorted({p for _, p, _ in missing})
        lines = ["render_e: missing font file(s):"]
        lines += ["  %s (from Debian package %s)" % (f, p) for _, p, f in missing]
        lines.append("install with: apt-get install -y " + " ".join(pkgs))
        sys.exit("\n".join(lines))


def font(key, px):
    px = max(6, int(round(px)))
    k = (key, px)
    f = _font_cache.get(k)
    if f is None:
        pkg, path = FONT_FILES[key]
        try:
            f = ImageFont.truetype(path, px)
        except OSError:
            sys.exit("render_e: cannot load font %s; install Debian package %s (apt-get install -y %s)"
                     % (path, pkg, pkg))
        _font_cache[k] = f
    return f
