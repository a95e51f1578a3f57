"""The place and date of issue printed under the holder's photo, kept out of the rows' values.

A KTP prints, under the photo at its right, the regency that issued it and the date ("KOTA
BANDUNG" / "12-08-2018"). They stand level with the lower rows, so a value read along its row can
run into them ("MENGURUS RUMAH TANGGA TANATORAJA", "BANJAR GEDE KAYONG UTARA"). They are told by
the date: a line that is only a date, right of the NIK's value (the photo's column; the birth date
and a validity date stand in the values' column), and the line just above it.
"""
from __future__ import annotations

import re

from ocr.card_text import Found, Line, _frame, _span

LONE_DATE = re.compile(r"\d{2}\s*[-.]\s*\d{2}\s*[-.]\s*\d{4}")
ABOVE = 2.2  # line heights from the date up to the place above it


def drop_issue_lines(found: dict[str, Found], lines: list[Line]) -> None:
    """Remove the issue place and date from every row's values (see the module docstring)."""
    nik = found.get("nik")
    if nik is None or not nik.values:
        return
    d, n = _frame(lines)
    nik_end = max(_span(v.box, d)[1] for v in nik.values)
    column: set[int] = set()
    for date in lines:
        start, end = _span(date.box, d)
        if not LONE_DATE.fullmatch(date.text.strip(" :.,")) or start < nik_end:
            continue
        column.add(date.index)
        x, y, h = float(date.box.centre @ d), float(date.box.centre @ n), date.box.height
        half = (end - start) / 2
        for ln in lines:
            above = y - float(ln.box.centre @ n)
            if 0.5 * h < above < ABOVE * h and abs(float(ln.box.centre @ d) - x) < half + h:
                column.add(ln.index)
    if column:
        for f in found.values():
            f.values = [v for v in f.values if v.index not in column]
