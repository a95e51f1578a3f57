"""Font files renderer b draws with, the Debian package of each, and a font cache."""

import os
import sys

from PIL import ImageFont


FONT_PACKAGES = ["fonts-liberation2", "fonts-liberation", "fonts-freefont-ttf"]

FONT_FAMILIES = {
    "LiberationSans": ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
                       "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
                       "fonts-liberation2"),
    "LiberationSansNarrow": ("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
                             "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
                             "fonts-liberation"),
    "FreeSans": ("/usr/share/fonts/truetype/freefont/FreeSans.ttf",
                 "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
                 "fonts-freefont-ttf"),
}


def check_fonts():
    missing = []
    for fam, (reg, bold, pkg) in FONT_FAMILIES.items():
        for p in (reg, bold):
            if not os.path.exists(p):
                missing.append((p, pkg))
    if missing:
        pk = sorted(set(m[1] for m in missing))
        sys.exit("render_b.py: missing font file(s): %s\nInstall the Debian package(s): "
                 "apt-get install -y %s" % (", ".join(m[0] for m in missing), " ".join(pk)))


_FONT_CACHE = {}


def font(path, size):
    key = (path, int(size))
    f = _FONT_CACHE.get(key)
    if f is None:
        f = ImageFont.truetype(path, max(6, int(size)))
        _FONT_CACHE[key] = f
    return f
