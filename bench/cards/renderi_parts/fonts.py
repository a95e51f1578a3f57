"""Font catalogue (installed fonts only) and per-card font choice."""
import os
from functools import lru_cache
from PIL import ImageFont
from .util import pick, wpick, chance

T = "/usr/share/fonts/truetype/"
O = "/usr/share/fonts/opentype/"

# family -> (regular, bold, kind)
FAMILIES = {
    "liberation_sans": (T + "liberation/LiberationSans-Regular.ttf", T + "liberation/LiberationSans-Bold.ttf", "sans"),
    "arimo": (T + "croscore/Arimo-Regular.ttf", T + "croscore/Arimo-Bold.ttf", "sans"),
    "nimbus_sans": (O + "urw-base35/NimbusSans-Regular.otf", O + "urw-base35/NimbusSans-Bold.otf", "sans"),
    "dejavu_sans": (T + "dejavu/DejaVuSans.ttf", T + "dejavu/DejaVuSans-Bold.ttf", "sans"),
    "roboto": (T + "roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", T + "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf", "sans"),
    "open_sans": (T + "open-sans/OpenSans-Regular.ttf", T + "open-sans/OpenSans-Bold.ttf", "sans"),
    "noto_sans": (T + "noto/NotoSans-Regular.ttf", T + "noto/NotoSans-Bold.ttf", "sans"),
    "free_sans": (T + "freefont/FreeSans.ttf", T + "freefont/FreeSansBold.ttf", "sans"),
    "carlito": (T + "crosextra/Carlito-Regular.ttf", T + "crosextra/Carlito-Bold.ttf", "sans"),
    "lato": (T + "lato/Lato-Regular.ttf", T + "lato/Lato-Bold.ttf", "sans"),
    "aerial": (T + "arkpandora/Aerial.ttf", T + "arkpandora/AerialBd.ttf", "sans"),
    "veranda": (T + "arkpandora/Veranda.ttf", T + "arkpandora/VerandaBd.ttf", "sans"),
    "go": ("/usr/share/fonts/fonts-go/Go-Regular.ttf", "/usr/share/fonts/fonts-go/Go-Bold.ttf", "sans"),
    "oxygen": (T + "oxygen/Oxygen-Sans.ttf", T + "oxygen/Oxygen-Sans-Bold.ttf", "sans"),
    "cantarell": (O + "cantarell/Cantarell-Regular.otf", O + "cantarell/Cantarell-Bold.otf", "sans"),
    "urw_gothic": (O + "urw-base35/URWGothic-Book.otf", O + "urw-base35/URWGothic-Demi.otf", "sans"),
    "b612": (O + "b612/B612-Regular.otf", O + "b612/B612-Bold.otf", "sans"),
    "liberation_narrow": (T + "liberation/LiberationSansNarrow-Regular.ttf", T + "liberation/LiberationSansNarrow-Bold.ttf", "condensed"),
    "nimbus_narrow": (O + "urw-base35/NimbusSansNarrow-Regular.otf", O + "urw-base35/NimbusSansNarrow-Bold.otf", "condensed"),
    "roboto_cond": (T + "roboto/unhinted/RobotoCondensed-Regular.ttf", T + "roboto/unhinted/RobotoCondensed-Bold.ttf", "condensed"),
    "dejavu_cond": (T + "dejavu/DejaVuSansCondensed.ttf", T + "dejavu/DejaVuSansCondensed-Bold.ttf", "condensed"),
    "open_sans_cond": (T + "open-sans/OpenSans-CondLight.ttf", T + "open-sans/OpenSans-CondBold.ttf", "condensed"),
    "din": (T + "opendin/OSP-DIN.ttf", T + "opendin/OSP-DIN.ttf", "condensed"),
    "liberation_serif": (T + "liberation/LiberationSerif-Regular.ttf", T + "liberation/LiberationSerif-Bold.ttf", "serif"),
    "tinos": (T + "croscore/Tinos-Regular.ttf", T + "croscore/Tinos-Bold.ttf", "serif"),
    "nimbus_roman": (O + "urw-base35/NimbusRoman-Regular.otf", O + "urw-base35/NimbusRoman-Bold.otf", "serif"),
    "dejavu_serif": (T + "dejavu/DejaVuSerif.ttf", T + "dejavu/DejaVuSerif-Bold.ttf", "serif"),
    "noto_serif": (T + "noto/NotoSerif-Regular.ttf", T + "noto/NotoSerif-Bold.ttf", "serif"),
    "free_serif": (T + "freefont/FreeSerif.ttf", T + "freefont/FreeSerifBold.ttf", "serif"),
    "p052": (O + "urw-base35/P052-Roman.otf", O + "urw-base35/P052-Bold.otf", "serif"),
    "c059": (O + "urw-base35/C059-Roman.otf", O + "urw-base35/C059-Bold.otf", "serif"),
    "bookman": (O + "urw-base35/URWBookman-Light.otf", O + "urw-base35/URWBookman-Demi.otf", "serif"),
    "dejavu_mono": (T + "dejavu/DejaVuSansMono.ttf", T + "dejavu/DejaVuSansMono-Bold.ttf", "mono"),
    "liberation_mono": (T + "liberation/LiberationMono-Regular.ttf", T + "liberation/LiberationMono-Bold.ttf", "mono"),
    "cousine": (T + "croscore/Cousine-Regular.ttf", T + "croscore/Cousine-Bold.ttf", "mono"),
    "jetbrains": (T + "jetbrains-mono/JetBrainsMono-Regular.ttf", T + "jetbrains-mono/JetBrainsMono-Bold.ttf", "mono"),
    "hack": (T + "hack/Hack-Regular.ttf", T + "hack/Hack-Bold.ttf", "mono"),
    "free_mono": (T + "freefont/FreeMono.ttf", T + "freefont/FreeMonoBold.ttf", "mono"),
    "nimbus_mono": (O + "urw-base35/NimbusMonoPS-Regular.otf", O + "urw-base35/NimbusMonoPS-Bold.otf", "mono"),
    "go_mono": ("/usr/share/fonts/fonts-go/Go-Mono.ttf", "/usr/share/fonts/fonts-go/Go-Mono-Bold.ttf", "mono"),
    "b612_mono": (O + "b612/B612Mono-Regular.otf", O + "b612/B612Mono-Bold.otf", "mono"),
    "oxygen_mono": (T + "oxygen/OxygenMono-Regular.ttf", T + "oxygen/OxygenMono-Regular.ttf", "mono"),
    "ocrb": (O + "ocr-b/OCRB.otf", O + "ocr-b/OCRB.otf", "ocr"),
}
FAMILIES = {k: v for k, v in FAMILIES.items() if os.path.exists(v[0]) and os.path.exists(v[1])}


def by_kind(kind):
    return [k for k, v in FAMILIES.items() if v[2] == kind]


@lru_cache(maxsize=512)
def _load(path, size):
    return ImageFont.truetype(path, max(4, int(size)))


def font(family, size, bold=False):
    reg, bld, _ = FAMILIES[family]
    return _load(bld if bold else reg, int(round(size)))


def kind_of(family):
    return FAMILIES[family][2]


def choose_card_fonts(rng):
    """Fonts for one e-KTP: header, labels, values, NIK. Mostly Arial-like sans."""
    body_kind = wpick(rng, [("sans", 0.62), ("condensed", 0.16), ("serif", 0.14), ("mono", 0.08)])
    body = pick(rng, by_kind(body_kind))
    header = body if chance(rng, 0.55) else pick(rng, by_kind("sans") + by_kind("condensed"))
    label = body if chance(rng, 0.8) else pick(rng, by_kind("sans"))
    nik_kind = wpick(rng, [("same", 0.35), ("sans", 0.2), ("mono", 0.2), ("ocr", 0.15), ("condensed", 0.1)])
    nik = body if nik_kind == "same" else pick(rng, by_kind(nik_kind))
    return {
        "header": header, "label": label, "value": body, "nik": nik,
        "value_bold": chance(rng, 0.15), "label_bold": chance(rng, 0.08),
        "nik_bold": kind_of(nik) != "ocr" and chance(rng, 0.85),
    }
