"""What the NIK says about the rest of the card: the header's names, the birth date and the sex.

The NIK (`PP KK CC DDMMYY SSSS`, ktp.md) repeats the province and regency of the header and the
holder's birth date and sex (day + 40 for a woman). It is printed larger than the rows and read
digits-only, so when a row is unclear or missing its reading can be checked against, or taken
from, the NIK; the reader says so in `problems`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ocr import nik as nikrules
from ocr import regions


class Text(Protocol):  # ocr.fields.Text
    text: str
    conf: float


class Result(Protocol):  # ocr.fields.Result
    fields: dict
    confidence: dict
    problems: list[str]

    def set(self, key: str, value: Any, conf: float) -> None: ...

NIK_SURE = 0.9  # NIK confidence (both recognisers gave its digits) at which a missing birth date or sex is taken from it
MIN_DATE_DIGITS = 4  # digits read in the birth row from which it is a date the NIK must agree with
FROM_NIK_CONF = 0.8  # the confidence of a birth date or sex taken from the NIK


def header_from_nik(nik: str, header: Sequence[Text], res: Result, clean: Callable[[str], str]) -> None:
    """The header as the NIK's codes name it, when what was read (`clean`ed) is close to those names."""
    from rapidfuzz import fuzz

    prov = regions.PROVINCES.get(nik[:2])
    if res.fields["provinsi"] is not None and res.fields["provinsi"] == regions.FORMER_PROVINCES.get(nik[:2]):
        prov = None  # the header names the province as it was when the NIK was issued
    if prov and header and fuzz.partial_ratio(prov, clean(header[0].text)) >= 80:
        res.set("provinsi", prov, max(res.confidence["provinsi"], header[0].conf))
    kab = regions.REGENCIES.get(nik[:4])
    if kab and len(header) > 1 and fuzz.ratio(kab, clean(header[1].text)) >= 80:
        res.set("kabupaten_kota", kab, max(res.confidence["kabupaten_kota"], header[1].conf))


def reconcile_birth(nik: str, nik_conf: float, birth: dt.date | None, digits: str, today: dt.date,
                     res: Result, check_date=None, birth_conf: float = 1.0) -> dt.date | None:
    """Card date vs NIK date. When the card text is unclear, the NIK's date (read with a digits-only
    alphabet) is taken, and said so, if the card's digits agree with it on at least 6 of 8, or if
    `check_date` (the row's image looked at again, `ocr.dates`) supports it."""
    if birth is not None and not nikrules.card_problems(nik, birth, None):
        return birth
    if nik_conf < 0.7:
        return birth
    if birth is not None and birth_conf < NIK_SURE <= nik_conf and \
            not nikrules.card_problems(nik, None, res.fields["jenis_kelamin"]):
        # a card date read unsurely, one digit off a NIK both recognisers read alike, whose sex agrees
        # with the card: the row's small print misread (10-04-1993 for 18-04-1993). A date read surely
        # is kept and the mismatch reported: the card itself may be wrong.
        info = nikrules.decode_nik(nik, today, birth.year)
        if info is not None and sum(a != b for a, b in zip(f"{birth:%d%m%Y}", f"{info.birth_date:%d%m%Y}")) == 1:
            res.problems.append("birth date on the card unclear; taken from the NIK")
            res.set("tanggal_lahir", info.birth_date.isoformat(), min(nik_conf, FROM_NIK_CONF))
            return info.birth_date
    day, month, yy = int(nik[6:8]) % 40, int(nik[8:10]), int(nik[10:12])
    picked = None
    century = int(digits[4:6]) * 100 if len(digits) == 8 and digits[4:6] in ("19", "20") else None
    if century is None:
        info = nikrules.decode_nik(nik, today)
        century = info.birth_date.year // 100 * 100 if info else None
    if len(digits) == 8 and century is not None:
        try:
            from_nik = dt.date(century + yy, month, day)
        except ValueError:
            from_nik = None
        if from_nik is not None and from_nik <= today and \
                sum(a == b for a, b in zip(digits, f"{from_nik:%d%m%Y}")) >= 6:
            picked = from_nik
    if picked is None and check_date is not None:
        dates = []
        for base in (1900, 2000):
            try:
                d = dt.date(base + yy, month, day)
            except ValueError:
                continue
            if d <= today:
                dates.append(d)
        picked = check_date(dates)
    if picked is None:
        return birth
    res.problems.append("birth date on the card unclear; taken from the NIK")
    res.set("tanggal_lahir", picked.isoformat(), min(nik_conf, 0.8))
    return picked


def fill_from_nik(nik: str, nik_conf: float, birth: dt.date | None, birth_digits: str, today: dt.date,
                  res: Result) -> dt.date | None:
    """The birth date and sex from a sure NIK when the card gave none: no birth row or no digits in
    it (a garbled date, `birth_digits`, is left to `reconcile_birth`: it may be another date), no
    sex row or a value that is neither sex. The NIK carries both; the form says where they came from."""
    if nik_conf < NIK_SURE:
        return birth
    info = nikrules.decode_nik(nik, today)
    if info is None:
        return birth
    if birth is None and len(birth_digits) < MIN_DATE_DIGITS:
        birth = info.birth_date
        res.set("tanggal_lahir", birth.isoformat(), min(nik_conf, FROM_NIK_CONF))
        res.problems.append("birth date on the card unclear; taken from the NIK")
    if res.fields["jenis_kelamin"] is None:
        res.set("jenis_kelamin", info.sex, min(nik_conf, FROM_NIK_CONF))
        res.problems.append("sex on the card unclear; taken from the NIK")
    return birth


def header_agrees(res: Any) -> bool:
    """The card's two header lines were read as the province and regency of its valid NIK (set from
    the NIK's codes by `header_from_nik` when the reading is close to them): a KTP whose rows were too
    blurred to read still has those three in one place, as no other card does."""
    nik, prov, kab = (res.fields.get(k) for k in ("nik", "provinsi", "kabupaten_kota"))
    return bool(res.nik_valid and nik and prov and kab and regions.PROVINCES.get(nik[:2]) == prov
                and regions.REGENCIES.get(nik[:4]) == kab)

