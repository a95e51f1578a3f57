"""Rows whose label could not be read, found from their values: what they say and where they stand.

Labels are printed thinner and lighter than values on many cards, so on a dim or blurred photo
the detector may find the values and miss the labels. The values still tell their rows: a place
and a date is the birth row, LAKI-LAKI/PEREMPUAN the sex, `003/005` the RT/RW, a religion, a
marital status, WNI, SEUMUR HIDUP; and the rows come in the card's fixed order, so a free-text
line is the name after the NIK, the address after the sex, the village after RT/RW, the district
after the village, the occupation after the marital status. Only the lines of the value column are
looked at (they start where the NIK's value or the other values start), top to bottom below the NIK.
A row found by its label is never replaced; it anchors the order.
"""
from __future__ import annotations

import re

import numpy as np

from ocr import vocab
from ocr.card_text import RT_RW, RT_RW_ALONE, Found, Line, _frame, _span

COLUMN = 2.5  # line heights a value line's start may be off the value column
# a free-text line after this row belongs to that one
NEXT_TEXT = {"nik": "nama", "jk": "alamat", "alamat": "alamat", "rt_rw": "kel_desa", "kel_desa": "kecamatan",
             "status_perkawinan": "pekerjaan"}


def _kind(text: str) -> str | None:
    """The row a value's own content names, None for free text."""
    from ocr.nik import ocr_to_digits

    t = " ".join(text.upper().split()).strip(" :;.,")
    if not t:
        return None
    tail = re.search(r"[\dOoIlSBZ]{1,2}\s*[-.]\s*[\dOoIlSBZ]{1,2}\s*[-.]\s*[\dOoIlSBZ]{4}$", t)
    if tail and re.fullmatch(r"\d{8}", ocr_to_digits(tail.group(0))) and re.search(r"[A-Z]{3}", t[:tail.start()]):
        return "ttl"  # a place, then a date
    if RT_RW.fullmatch(ocr_to_digits(t).replace(" ", "")) or RT_RW_ALONE.fullmatch(t):
        return "rt_rw"
    for key, words, cutoff in (("jk", vocab.GENDERS, 80), ("agama", vocab.RELIGION_SPELLINGS, 85),
                               ("status_perkawinan", vocab.MARITAL, 85), ("kewarganegaraan", vocab.CITIZENSHIP, 100),
                               ("berlaku_hingga", ("SEUMUR HIDUP",), 80)):
        if vocab.correct(t, words, cutoff=cutoff)[0] is not None:
            return key
    return None


def add_rows(found: dict[str, Found], lines: list[Line]) -> None:
    """Rows missing from `found` filled from the value column (see the module docstring)."""
    nik = found.get("nik")
    if nik is None or not nik.values:
        return
    d, n = _frame(lines)
    owner = {v.index: key for key, f in found.items() for v in f.values}
    labels = {f.label.index for f in found.values()}
    x0 = _span(nik.values[0].box, d)[0]
    y_nik = float(nik.values[0].box.centre @ n)
    h = float(np.median([ln.box.height for ln in lines]))
    column = [ln for ln in lines if ln.index not in labels and float(ln.box.centre @ n) > y_nik + 0.5 * h
              and abs(_span(ln.box, d)[0] - x0) < COLUMN * h]
    last = "nik"
    for ln in sorted(column, key=lambda ln: float(ln.box.centre @ n)):
        key = owner.get(ln.index) or _kind(ln.text) or NEXT_TEXT.get(last)
        if key is None:
            continue
        if key not in found:
            found[key] = Found(key, Line(ln.box, "", 0.0, -1), 0.5, values=[ln])
            owner[ln.index] = key
        elif key == "alamat" and last == "alamat" and ln.index not in owner and found[key].label.index < 0 \
                and len(found[key].values) < 2:  # an address has two lines at most
            found[key].values.append(ln)  # the address's second line
            owner[ln.index] = key
        last = key
