"""Font files renderer c draws with, the Debian package of each, and a font cache."""

import os
import sys

from PIL import ImageFont


FONT_PACKAGES = ["fonts-noto-core", "fonts-dejavu-core", "fonts-dejavu-extra"]

NOTO = "/usr/share/fonts/truetype/noto/"
DJV = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {
    "NotoSans": (NOTO + "NotoSans-Regular.ttf", NOTO + "NotoSans-Bold.ttf", "fonts-noto-core"),
    "NotoSansDisplay": (NOTO + "NotoSansDisplay-Regular.ttf", NOTO + "NotoSansDisplay-Bold.ttf",
                        "fonts-noto-core"),
    "DejaVuSansCondensed": (DJV + "DejaVuSansCondensed.ttf", DJV + "DejaVuSansCondensed-Bold.ttf",
                            "fonts-dejavu-extra"),
    "DejaVuSans": (DJV + "DejaVuSans.ttf", DJV + "DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
}


def check_fonts():
    for fam, (r, b, pkg) in FONT_FILES.items():
        for f in (r, b):
            if not os.path.exists(f):
                sys.exit("render_c.py: font file %s missing - install the Debian package '%s' "
                         "(apt-get install -y %s)" % (f, pkg, pkg))


_FONT_CACHE = {}


def font(path, size):
    key = (path, int(size))
    f = _FONT_CACHE.get(key)
    if f is None:
        f = ImageFont.truetype(path, int(size))
        _FONT_CACHE[key] = f
    return f
