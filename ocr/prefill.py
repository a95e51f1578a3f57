"""Which read fields a form may show pre-filled: the reader's contract with the chat and the counter.

A field read with less confidence than the clinic's threshold (`ocr.min_confidence`) is left empty
and asked: a wrong pre-fill a patient confirms without reading is worse than a question. The NIK,
birth date and sex are exempt when they were checked against each other (`nik_valid`: the NIK's
own rules, its region codes, and the card's printed birth date and sex agree with it): three
readings that agree are not a guess, whatever the recogniser's confidence in each.
"""
from __future__ import annotations

CHECKED = ("nik", "tanggal_lahir", "jenis_kelamin")


def prefilled(result: dict, min_confidence: float) -> dict:
    """The fields of a ktp.md result as a form should show them (None = ask)."""
    fields = result.get("fields") or {}
    conf = result.get("confidence") or {}
    out = {}
    for key, value in fields.items():
        sure = conf.get(key, 0.0) >= min_confidence or (key in CHECKED and result.get("nik_valid"))
        out[key] = value if value is not None and sure else None
    return out
