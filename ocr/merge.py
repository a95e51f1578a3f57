"""Two readings of one text line made into one: PP-OCR's letters, and easyocr's spaces where PP-OCR has none.

PP-OCRv4's recogniser (`ocr.detect.Detector.read`) reads blurred and small letters best; the
spaces it drops are put back from the line's ink (`ocr.detect.ink_spaces`), which can still miss a
narrow one ("NIPUTU"). easyocr misreads blurred letters ("JL ulanGo 1n") but keeps spaces: when
the two agree on the letters the reading is surer and easyocr's spacing is taken; when PP-OCR's
line has no space at all, easyocr's spaces are carried over to the characters they line up with
(difflib's matching blocks on both texts without spaces).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

MIN_SIMILAR = 0.5  # below this the two readings are not of the same words: no spaces are carried over
SMALL_MARKS = "'`.,"  # marks so small that one recogniser may see them and the other not
EDGE_MARKS = " ,'`"
AGREE_BONUS = 0.1  # two recognisers reading the same letters are surer than either alone


def squeeze(text: str) -> str:
    return "".join(text.upper().split())


def _letters(text: str) -> str:
    """The letters and digits: PP-OCR often drops an apostrophe (MA'RUF) or a dot that easyocr reads."""
    return "".join(ch for ch in squeeze(text) if ch not in SMALL_MARKS)


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _words(text: str) -> list[str]:
    """The words as letters and digits only: where two readings part their words."""
    return [w for w in (_alnum(w) for w in re.sub(r"[.,:;]", " ", text).split()) if w]


def _parted_otherwise(p_text: str, e_text: str) -> bool:
    """Both readings part words, at different places ("I WAYAN" / "IWAYAN", "GRAHAASRI" / "GRAHA
    ASRI"): a word gap one recogniser saw and the other did not is a guess. PP-OCR's reading of a
    line with no gap at all is not counted (its recogniser drops narrow gaps: `with_spaces`)."""
    return " " in p_text.strip() and _words(p_text) != _words(e_text)


def agreement(a: str, b: str) -> float:
    """How alike two readings' letters are, 0..1."""
    return SequenceMatcher(None, _letters(a), _letters(b), autojunk=False).ratio()


def with_spaces(letters: str, spaced: str) -> str:
    """`letters` with a space wherever `spaced` has one between the same characters."""
    p, e = squeeze(letters), squeeze(spaced)
    if not p or not e or SequenceMatcher(None, e, p, autojunk=False).ratio() < MIN_SIMILAR:
        return " ".join(letters.split())
    before = set()  # indices into e that a space precedes
    i = 0
    for ch in spaced.strip().upper():
        if ch.isspace():
            before.add(i)
        else:
            i += 1
    e_to_p: dict[int, int] = {}
    for a, b, n in SequenceMatcher(None, e, p, autojunk=False).get_matching_blocks():
        for k in range(n):
            e_to_p[a + k] = b + k
    cuts = {i for i, ch in enumerate(letters_positions(letters)) if ch}  # spaces PP-OCR did read
    for i in before:
        if i in e_to_p:
            cuts.add(e_to_p[i])
        elif i - 1 in e_to_p:
            cuts.add(e_to_p[i - 1] + 1)
    return "".join((" " if j in cuts and j > 0 else "") + ch for j, ch in enumerate(p)).strip()


def letters_positions(text: str) -> list[bool]:
    """For each non-space character of `text`: whether a space comes right before it."""
    out, gap = [], False
    for ch in text.strip():
        if ch.isspace():
            gap = True
        else:
            out.append(gap)
            gap = False
    return out


def merged(pp: tuple[str, float], easy: tuple[str, float]) -> tuple[str, float]:
    """One reading from PP-OCR's (text, confidence) and easyocr's of the same line."""
    text, conf = _merged(pp, easy)
    return _trim(text), conf


def _trim(text: str) -> str:
    """Without a comma or apostrophe at either end: a speck at the crop's edge read as one (a KTP
    value never starts or ends with them)."""
    return " ".join(text.split()).strip(EDGE_MARKS).strip()


def _merged(pp: tuple[str, float], easy: tuple[str, float]) -> tuple[str, float]:
    (p_text, p_conf), (e_text, e_conf) = pp, easy
    if not squeeze(p_text):
        return e_text, e_conf
    if not squeeze(e_text):
        return " ".join(p_text.split()), p_conf
    if _letters(p_text) == _letters(e_text):  # the same letters: the marks of whichever saw more,
        marks = [sum(ch in SMALL_MARKS for ch in t) for t in (p_text, e_text)]  # and easyocr's spaces
        text = e_text if marks[1] >= marks[0] else with_spaces(p_text, e_text) if " " not in p_text.strip() else p_text
        if _parted_otherwise(p_text, e_text):  # the letters agree but not where the words part:
            return " ".join(text.split()), min(p_conf, e_conf)  # no surer than the less sure of the two
        return " ".join(text.split()), min(1.0, max(p_conf, e_conf) + AGREE_BONUS)
    if _alnum(p_text) == _alnum(e_text):  # only a mark differs ("DSN." / "DSN:"): PP-OCR's marks
        if _parted_otherwise(p_text, e_text):
            return " ".join(p_text.split()), min(p_conf, e_conf)
        return " ".join((p_text if " " in p_text.strip() else with_spaces(p_text, e_text)).split()), p_conf
    if " " not in p_text.strip():  # PP-OCR saw no word gap: easyocr's may still line up
        return with_spaces(p_text, e_text), p_conf
    return " ".join(p_text.split()), p_conf
