"""Font files renderer d draws with, the Debian package of each, and a font cache."""

import os
import sys
from functools import lru_cache

from PIL import ImageFont


FONT_PACKAGES = ["fonts-urw-base35", "fonts-croscore", "fonts-roboto"]

_URW = "/usr/share/fonts/opentype/urw-base35/"
_CROS = "/usr/share/fonts/truetype/croscore/"
_ROBO = "/usr/share/fonts/truetype/roboto/unhinted/"

FONT_FILES = {
    # family: {weight: (path, package)}
    "nimbus": {"regular": (_URW + "NimbusSans-Regular.otf", "fonts-urw-base35"),
               "bold": (_URW + "NimbusSans-Bold.otf", "fonts-urw-base35")},
    "nimbus_narrow": {"regular": (_URW + "NimbusSansNarrow-Regular.otf", "fonts-urw-base35"),
                      "bold": (_URW + "NimbusSansNarrow-Bold.otf", "fonts-urw-base35")},
    "arimo": {"regular": (_CROS + "Arimo-Regular.ttf", "fonts-croscore"),
              "bold": (_CROS + "Arimo-Bold.ttf", "fonts-croscore")},
    "roboto": {"regular": (_ROBO + "RobotoTTF/Roboto-Regular.ttf", "fonts-roboto"),
               "medium": (_ROBO + "RobotoTTF/Roboto-Medium.ttf", "fonts-roboto"),
               "bold": (_ROBO + "RobotoTTF/Roboto-Bold.ttf", "fonts-roboto")},
    "roboto_cond": {"regular": (_ROBO + "RobotoCondensed-Regular.ttf", "fonts-roboto"),
                    "medium": (_ROBO + "RobotoCondensed-Medium.ttf", "fonts-roboto"),
                    "bold": (_ROBO + "RobotoCondensed-Bold.ttf", "fonts-roboto")},
    "mono": {"regular": (_URW + "NimbusMonoPS-Regular.otf", "fonts-urw-base35"),
             "bold": (_URW + "NimbusMonoPS-Bold.otf", "fonts-urw-base35")},
}


def check_fonts():
    missing = {}
    for fam in FONT_FILES.values():
        for path, pkg in fam.values():
            if not os.path.exists(path):
                missing.setdefault(pkg, []).append(path)
    if missing:
        msg = ["render_d.py: missing font files. Install the Debian package(s):"]
        for pkg, paths in missing.items():
            msg.append("  apt-get install -y %s   (missing e.g. %s)" % (pkg, paths[0]))
        sys.stderr.write("\n".join(msg) + "\n")
        sys.exit(2)


@lru_cache(maxsize=512)
def font(family, weight, size):
    fam = FONT_FILES[family]
    if weight not in fam:
        weight = "bold" if weight in ("medium", "bold") else "regular"
    return ImageFont.truetype(fam[weight][0], max(6, int(round(size))))
