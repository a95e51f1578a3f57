"""Font discovery: every font under /usr/share/fonts that draws Latin capitals and digits."""
import os
import re
import subprocess
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_ROOT = "/usr/share/fonts/"
PROBE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# styles that technically draw the letters but not as ink on paper (white-on-black / hollow)
EXCLUDE_STYLE = re.compile(r"Inverted|Outline", re.I)

MONO = re.compile(r"mono|cousine|hack|jetbrains|courier|ocr|b612 mono", re.I)
SERIF = re.compile(r"serif|roman|tinos|tymes|c059|p052|bookman|times|century|palat|z003", re.I)
COND = re.compile(r"narrow|condensed|compressed", re.I)
BOLD = re.compile(r"bold|black|heavy|demi|extrabold|semibold|medium", re.I)
ITAL = re.compile(r"italic|oblique", re.I)
THIN = re.compile(r"thin|hairline|extralight|light", re.I)
SCRIPT = re.compile(r"z003|chancery|smallcaps|math", re.I)


def _fc_list():
    try:
        out = subprocess.run(["fc-list", ":charset=41-5a 30-39", "file", "family", "style"],
                             capture_output=True, text=True, timeout=30).stdout
    except Exception:
        out = ""
    rows = []
    for line in out.splitlines():
        parts = line.split(":")
        if len(parts) < 2:
            continue
        path = parts[0].strip()
        if not path.startswith(FONT_ROOT):
            continue
        family = parts[1].strip().split(",")[0]
        style = ""
        for p in parts[2:]:
            if p.strip().startswith("style="):
                style = p.strip()[6:].split(",")[0]
        rows.append((path, family, style))
    if not rows:  # fall back to walking the tree (no charset check)
        for d, _, fs in os.walk(FONT_ROOT):
            for f in fs:
                if f.lower().endswith((".ttf", ".otf", ".pfb")):
                    rows.append((os.path.join(d, f), os.path.splitext(f)[0], ""))
    return sorted(set(rows))


def _draws_latin(path):
    """Render the probe glyphs; every glyph must leave ink and the glyphs must differ."""
    try:
        f = ImageFont.truetype(path, 28)
    except Exception:
        return False
    seen = set()
    for ch in PROBE:
        im = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(im).text((4, 2), ch, font=f, fill=255)
        a = np.asarray(im)
        if a.sum() < 255 * 8:
            return False
        seen.add(a.tobytes())
    if len(seen) < len(PROBE) - 2:
        return False
    return _shape_score(path) > 0.15  # rejects dingbat fonts that map symbols onto A-Z


REF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SHAPE_CHARS = "AHKNOTVXZ0147"


def _glyph(path, ch):
    f = ImageFont.truetype(path, 48)
    im = Image.new("L", (80, 80), 0)
    ImageDraw.Draw(im).text((10, 5), ch, font=f, fill=255)
    a = np.asarray(im)
    ys, xs = np.nonzero(a > 60)
    if len(xs) == 0:
        return None
    c = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32)
    return np.asarray(Image.fromarray(c).resize((12, 12), Image.BILINEAR)).ravel()


@lru_cache(maxsize=1)
def _ref():
    if not os.path.exists(REF_FONT):
        return None
    return [_glyph(REF_FONT, c) for c in SHAPE_CHARS]


def _shape_score(path):
    ref = _ref()
    if ref is None:
        return 1.0
    ss = []
    for ch, r in zip(SHAPE_CHARS, ref):
        g = _glyph(path, ch)
        if g is None:
            return 0.0
        ss.append(np.corrcoef(g, r)[0, 1])
    return float(np.median(ss))


@lru_cache(maxsize=1)
def all_fonts():
    """List of dicts: path, family, style, kind flags. Sorted -> deterministic."""
    fonts = []
    for path, family, style in _fc_list():
        name = f"{family} {style} {os.path.basename(path)}"
        if EXCLUDE_STYLE.search(name):
            continue
        if not _draws_latin(path):
            continue
        fonts.append(dict(path=path, family=family, style=style,
                          mono=bool(MONO.search(name)), serif=bool(SERIF.search(name)) and not MONO.search(name),
                          cond=bool(COND.search(name)), bold=bool(BOLD.search(style + " " + os.path.basename(path))),
                          italic=bool(ITAL.search(name)), thin=bool(THIN.search(style + " " + os.path.basename(path))),
                          odd=bool(SCRIPT.search(name))))
    return fonts


@lru_cache(maxsize=1)
def families():
    fam = {}
    for f in all_fonts():
        fam.setdefault(f["family"], []).append(f)
    return {k: fam[k] for k in sorted(fam)}


def _weight(f):
    w = 1.0
    if f["italic"]:
        w *= 0.25
    if f["thin"]:
        w *= 0.35
    if f["odd"]:
        w *= 0.3
    return w


def pick(rng, pool, bias_bold=None):
    ws = np.array([_weight(f) * ((2.5 if f["bold"] else 0.4) if bias_bold else (0.5 if (bias_bold is False and f["bold"]) else 1.0))
                   for f in pool], float)
    return pool[int(rng.choice(len(pool), p=ws / ws.sum()))]


def choose_scheme(rng):
    """Fonts for one card: header, label, value, NIK. Different per card."""
    fams = families()
    names = list(fams)
    kinds = {"sans": [], "serif": [], "cond": [], "mono": []}
    for n in names:
        fs = fams[n]
        k = "mono" if fs[0]["mono"] else "cond" if any(f["cond"] for f in fs) else "serif" if fs[0]["serif"] else "sans"
        kinds[k].append(n)
    kind = ["sans", "serif", "cond", "mono"][int(rng.choice(4, p=[0.58, 0.14, 0.18, 0.10]))]
    if not kinds[kind]:
        kind = "sans"
    fam = fams[kinds[kind][int(rng.integers(len(kinds[kind])))]]
    upright = [f for f in fam if not f["italic"]] or fam
    value = pick(rng, upright, bias_bold=False if rng.random() < 0.75 else None)
    label = value if rng.random() < 0.7 else pick(rng, upright)
    header = pick(rng, upright, bias_bold=True)
    r = rng.random()
    if r < 0.35:
        nik = pick(rng, upright, bias_bold=True)
    elif r < 0.6:  # OCR-like / monospace NIK
        monos = [f for f in all_fonts() if f["mono"] and not f["italic"]] or all_fonts()
        nik = pick(rng, monos, bias_bold=True)
    else:  # any other family
        other = fams[names[int(rng.integers(len(names)))]]
        nik = pick(rng, [f for f in other if not f["italic"]] or other, bias_bold=True)
    return dict(header=header, label=label, value=value, nik=nik, kind=kind)


@lru_cache(maxsize=512)
def load(path, size):
    return ImageFont.truetype(path, max(6, int(size)))
