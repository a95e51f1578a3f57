"""Font files used by renderer f, and the Debian package that provides each one."""
import os
from functools import lru_cache

from PIL import ImageFont

# family -> (debian package, regular file, bold file)
SANS = {
    "carlito": ("fonts-crosextra-carlito",
                "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
                "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf"),
    "cantarell": ("fonts-cantarell",
                  "/usr/share/fonts/opentype/cantarell/Cantarell-Regular.otf",
                  "/usr/share/fonts/opentype/cantarell/Cantarell-Bold.otf"),
    "b612": ("fonts-b612",
             "/usr/share/fonts/opentype/b612/B612-Regular.otf",
             "/usr/share/fonts/opentype/b612/B612-Bold.otf"),
    "oxygen": ("fonts-oxygen",
               "/usr/share/fonts/truetype/oxygen/Oxygen-Sans.ttf",
               "/usr/share/fonts/truetype/oxygen/Oxygen-Sans-Bold.ttf"),
}
MONO = {
    "hack": ("fonts-hack",
             "/usr/share/fonts/truetype/hack/Hack-Regular.ttf",
             "/usr/share/fonts/truetype/hack/Hack-Bold.ttf"),
    "jetbrains-mono": ("fonts-jetbrains-mono",
                       "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
                       "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Bold.ttf"),
    "b612-mono": ("fonts-b612",
                  "/usr/share/fonts/opentype/b612/B612Mono-Regular.otf",
                  "/usr/share/fonts/opentype/b612/B612Mono-Bold.otf"),
    "oxygen-mono": ("fonts-oxygen",
                    "/usr/share/fonts/truetype/oxygen/OxygenMono-Regular.ttf",
                    "/usr/share/fonts/truetype/oxygen/OxygenMono-Regular.ttf"),
}
ALL = {**SANS, **MONO}


def check_fonts():
    """Stop with a message naming the package if any font file is missing."""
    missing = {}
    for fam, (pkg, reg, bold) in ALL.items():
        for path in (reg, bold):
            if not os.path.isfile(path):
                missing.setdefault(pkg, []).append(path)
    if missing:
        lines = [f"renderer f: missing font file(s) from Debian package {pkg}: {', '.join(p)}"
                 for pkg, p in missing.items()]
        lines.append("install with: apt-get update -qq && apt-get install -y "
                     + " ".join(sorted(missing)))
        raise SystemExit("\n".join(lines))


@lru_cache(maxsize=512)
def font(family, size, bold=False):
    pkg, reg, bld = ALL[family]
    path = bld if bold else reg
    if not os.path.isfile(path):
        raise SystemExit(f"renderer f: missing font file {path}; "
                         f"install the Debian package {pkg}")
    return ImageFont.truetype(path, max(6, int(round(size))))
