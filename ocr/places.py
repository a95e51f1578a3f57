"""Indonesia's place names as a lexicon: is a Kel/Desa, Kecamatan or birthplace reading a real name?

The names are every district (kecamatan) and village (kelurahan/desa) of the Ministry of Home
Affairs list (`ocr/data/places.txt.gz`, written by `scripts/make_regions.py` from the same package
data as the region codes) and the regencies, cities and provinces of `ocr.regions` without their
KABUPATEN / KOTA (ADM.) / DKI / DI prefix. A reading that is exactly such a name is surer; one
that is a single letter away from exactly one name, and is not a name itself, is that name misread
(`closest`). A reading with the letters of a listed name is given the list's spaces only when it
broke a word or ran two together (`respaced`): the list and the cards space some names differently
(NGAGEL REJO / NGAGELREJO, JATIASIH / JATI ASIH), and a card's word-by-word spacing is kept. Pure
Python (rapidfuzz only): nothing here depends on how a card is drawn.
"""
from __future__ import annotations

import functools
import gzip
from pathlib import Path

from ocr import regions

PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.txt.gz"
MIN_FIX_LEN = 5  # shorter names are too close to each other for a one-letter correction


@functools.lru_cache(maxsize=1)
def names() -> frozenset[str]:
    text = gzip.decompress(PLACES_FILE.read_bytes()).decode("utf-8")
    out = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    for name in regions.REGENCIES.values():  # birthplaces: KOTA ADM. JAKARTA SELATAN -> JAKARTA SELATAN
        out.add(name.removeprefix("KABUPATEN ").removeprefix("KOTA ").removeprefix("ADM. "))
    for name in regions.PROVINCES.values():  # DKI JAKARTA -> JAKARTA
        out.add(name.removeprefix("DKI ").removeprefix("DI "))
    return frozenset(out)


def _squeeze(text: str) -> str:
    return text.replace(" ", "")


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[str, set[str]]:
    """Each name's letters without spaces -> the listed spellings ("NGAGEL REJO" is also written
    NGAGELREJO: spacing differs between the list and the cards, so it is never corrected)."""
    out: dict[str, set[str]] = {}
    for n in names():
        out.setdefault(_squeeze(n), set()).add(n)
    return out


@functools.lru_cache(maxsize=1)
def _by_length() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for n in _spellings():
        out.setdefault(len(n), []).append(n)
    return out


def warm() -> None:
    _by_length()


def known(text: str | None) -> bool:
    return bool(text) and text in names()


def spaced_otherwise(text: str) -> bool:
    """The letters of a listed name, with the spaces elsewhere."""
    return not known(text) and _squeeze(text) in _spellings()


@functools.lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(w for n in names() for w in n.split())


def respaced(text: str) -> str | None:
    """The listed spelling of a reading whose letters are a listed name's but whose spaces are not,
    when the reading broke a word (`PAN AKKUKANG`, `BUKI T T INGGI`: a piece of at most three
    letters that is no word of any listed name, or a lone letter that is no numeral) or ran two
    words together (`PASARLAMA`); None when the reading parts the name where the list does not
    (`JATI ASIH`, `SUNGAI BANGKONG` for JATIASIH, SUNGAIBANGKONG: cards space names word by word)."""
    spellings = _spellings().get(_squeeze(text), set())
    if not spellings or known(text):
        return None
    best = max(spellings, key=lambda s: (s.count(" "), s))
    broke = any(len(w) <= 3 and w not in _words() or len(w) == 1 and w not in "IVX" for w in text.split())
    if broke or best.count(" ") > text.count(" "):
        return best
    return None


def closest(text: str) -> str | None:
    """The one listed name a single letter away (changed, lost or added; spaces not counted) from
    `text`, spelt as listed, when `text`'s letters are no listed name's and no second name is as
    close; else None."""
    from rapidfuzz.distance import Levenshtein

    letters = _squeeze(text)
    if len(letters) < MIN_FIX_LEN or letters in _spellings():
        return None
    from rapidfuzz import process

    near = [name for length in (len(letters) - 1, len(letters), len(letters) + 1)
            for name, _, _ in process.extract(letters, _by_length().get(length, []), scorer=Levenshtein.distance,
                                              score_cutoff=1, limit=2)]
    if len(near) != 1:
        return None
    found = near[0]
    spellings = _spellings().get(found or "", set())
    if len(spellings) > 1:  # spelt with and without a space: the one spaced as read
        spellings = {s for s in spellings if s.count(" ") == text.count(" ")}
    return next(iter(spellings)) if len(spellings) == 1 else None


BONUS = 0.1  # a reading that is exactly a listed name is surer by this much
UNLISTED = 0.9  # and one that is no listed name, nor one letter from one, is scaled by this


def checked(text: str, conf: float) -> tuple[str, float]:
    """A place reading against the lexicon: a listed name is surer; a listed name spaced otherwise
    is kept as read, less sure; a name one letter from exactly one listed name (a letter lost or misread) is
    taken for that name; any other reading is less sure (a real card prints a real place)."""
    if known(text):
        return text, conf + BONUS
    if (fixed := respaced(text)) is not None:  # a space lost or added in the reading
        return fixed, conf
    if spaced_otherwise(text):  # spelt so on the card
        return text, conf * UNLISTED
    fixed = closest(text)
    if fixed is not None:
        return fixed, conf
    return text, conf * UNLISTED


def hamlet_checked(address: str, conf: float) -> float:
    """An address that is only a hamlet (DSN. / DUSUN / DS. and a name) is surer when the name is a
    listed village or district name (hamlets are often named like villages)."""
    import re

    m = re.fullmatch(r"(?:DSN\.|DUSUN|DS\.) (.+)", address)
    return conf + BONUS if m and known(m.group(1)) else conf
