"""Font families (Debian packages listed in render_g.FONT_PACKAGES)."""
import os
from PIL import ImageFont

_T = "/usr/share/fonts/truetype/"
_O = "/usr/share/fonts/opentype/"
# name: (regular, bold, weight of choice, width factor hint)
FAMILIES = {
    "LiberationSans": (_T + "liberation2/LiberationSans-Regular.ttf", _T + "liberation2/LiberationSans-Bold.ttf", 6),
    "Arimo": (_T + "croscore/Arimo-Regular.ttf", _T + "croscore/Arimo-Bold.ttf", 4),
    "NimbusSans": (_O + "urw-base35/NimbusSans-Regular.otf", _O + "urw-base35/NimbusSans-Bold.otf", 4),
    "FreeSans": (_T + "freefont/FreeSans.ttf", _T + "freefont/FreeSansBold.ttf", 2),
    "LiberationSansNarrow": (_T + "liberation/LiberationSansNarrow-Regular.ttf", _T + "liberation/LiberationSansNarrow-Bold.ttf", 1),
    "NimbusSansNarrow": (_O + "urw-base35/NimbusSansNarrow-Regular.otf", _O + "urw-base35/NimbusSansNarrow-Bold.otf", 1),
    "DejaVuSansCondensed": (_T + "dejavu/DejaVuSansCondensed.ttf", _T + "dejavu/DejaVuSansCondensed-Bold.ttf", 1),
    "Roboto": (_T + "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", _T + "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf", 1),
    "RobotoCondensed": (_T + "roboto/unhinted/RobotoCondensed-Regular.ttf", _T + "roboto/unhinted/RobotoCondensed-Bold.ttf", 1),
    "OpenSans": (_T + "open-sans/OpenSans-Regular.ttf", _T + "open-sans/OpenSans-Bold.ttf", 1),
    "NotoSans": (_T + "noto/NotoSans-Regular.ttf", _T + "noto/NotoSans-Bold.ttf", 1),
}
MONO = {"LiberationMono": (_T + "liberation2/LiberationMono-Regular.ttf", _T + "liberation2/LiberationMono-Bold.ttf"),
        "DejaVuSansMono": (_T + "dejavu/DejaVuSansMono.ttf", _T + "dejavu/DejaVuSansMono-Bold.ttf")}
_cache = {}


def available():
    return {k: v for k, v in FAMILIES.items() if os.path.exists(v[0]) and os.path.exists(v[1])}


def pick_family(rng):
    fams = available()
    names = sorted(fams)
    w = [fams[n][2] for n in names]
    r = rng.random() * sum(w)
    for n, wi in zip(names, w):
        r -= wi
        if r <= 0:
            return n
    return names[-1]


def font(family, bold, size_px):
    size_px = max(6, int(round(size_px)))
    key = (family, bold, size_px)
    if key not in _cache:
        src = FAMILIES.get(family) or MONO.get(family)
        if src is None or not os.path.exists(src[1 if bold else 0]):
            src = MONO["DejaVuSansMono"] if family in MONO else FAMILIES["LiberationSans"]
        _cache[key] = ImageFont.truetype(src[1 if bold else 0], size_px)
    return _cache[key]
