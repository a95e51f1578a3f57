"""NIK (Nomor Induk Kependudukan) rules: validation, decoding, OCR correction, masking.

Pure standard library: the bot imports this for NIKs typed into the registration form.

    PP KK CC DDMMYY SSSS   province, regency/city, district, birth date (day + 40 for women), serial
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ocr import regions
from ocr.vocab import PROVINCE_CODES, PROVINCES
from queue_core.privacy import mask_nik  # noqa: F401 - one definition, re-exported for ocr users

# Characters OCR confuses with digits inside a NIK (ktp.md), plus a few frequent look-alikes.
_CONFUSIONS = {
    "O": "0", "o": "0", "D": "0", "Q": "0", "U": "0",
    "I": "1", "l": "1", "i": "1", "|": "1", "!": "1", "L": "1", "J": "1", "j": "1", "]": "1", "[": "1",
    "B": "8",
    "S": "5", "s": "5",
    "Z": "2", "z": "2", "e": "2",
    "G": "6", "b": "6",
    "A": "4",
    "T": "7",
    "g": "9", "q": "9",
}
_SEPARATORS = " .,-_:;'\"`"


def ocr_to_digits(text: str) -> str:
    """Map OCR look-alikes to digits and drop separators; other characters are kept as they are."""
    out = []
    for ch in text.strip():
        if ch in _SEPARATORS:
            continue
        out.append(_CONFUSIONS.get(ch, ch))
    return "".join(out)


@dataclass(frozen=True)
class NikInfo:
    province_code: str
    province: str | None
    regency_code: str
    district_code: str
    birth_date: dt.date
    sex: str  # "LAKI-LAKI" | "PEREMPUAN"
    serial: str


def _birth_date(day: int, month: int, yy: int, today: dt.date, card_year: int | None) -> dt.date | None:
    centuries = [card_year - card_year % 100] if card_year else []
    for base in centuries or [2000 if 2000 + yy <= today.year else 1900, 1900]:
        try:
            return dt.date(base + yy, month, day)
        except ValueError:
            continue
    return None


def nik_problems(nik: str | None, today: dt.date | None = None) -> list[str]:
    """Why a NIK is not valid on its own ([] if valid). English, for problems lists and logs."""
    if nik is None or nik == "":
        return ["NIK missing"]
    if not nik.isdigit() or not nik.isascii():
        return ["NIK must contain digits only"]
    if len(nik) != 16:
        return [f"NIK must have 16 digits, has {len(nik)}"]
    problems = []
    if nik[:2] not in PROVINCE_CODES:
        problems.append(f"NIK province code {nik[:2]} does not exist")
    if nik[2:4] == "00" or nik[4:6] == "00":
        problems.append("NIK regency/district code 00 does not exist")
    elif nik[:2] in PROVINCE_CODES and not regions.regency_known(nik[:4]):
        problems.append(f"NIK regency code {nik[:4]} does not exist")
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    today = today or dt.date.today()
    if _birth_date(day, month, yy, today, None) is None:
        problems.append("NIK birth date is not a valid date")
    if nik[12:] == "0000":
        problems.append("NIK serial 0000 does not exist")
    return problems


def is_valid_nik(nik: str | None, today: dt.date | None = None) -> bool:
    return not nik_problems(nik, today)


def decode_nik(nik: str, today: dt.date | None = None, card_year: int | None = None) -> NikInfo | None:
    """Decode a valid NIK; `card_year` (4-digit year printed on the card) fixes the century."""
    if nik_problems(nik, today):
        return None
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "LAKI-LAKI"
    if day > 40:
        day, sex = day - 40, "PEREMPUAN"
    born = _birth_date(day, month, yy, today or dt.date.today(), card_year)
    if born is None:
        return None
    return NikInfo(nik[:2], PROVINCES.get(nik[:2]), nik[2:4], nik[4:6], born, sex, nik[12:])


def card_problems(nik: str, birth_date: dt.date | None, sex: str | None) -> list[str]:
    """Disagreements between a NIK and the birth date / sex printed on the same card."""
    problems: list[str] = []
    if len(nik) != 16 or not nik.isdigit():
        return problems
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    nik_sex = "PEREMPUAN" if day > 40 else "LAKI-LAKI"
    day = day - 40 if day > 40 else day
    if birth_date is not None and (day, month, yy) != (birth_date.day, birth_date.month, birth_date.year % 100):
        problems.append("NIK birth date does not match card")
    if sex is not None and sex != nik_sex:
        problems.append("NIK sex does not match card")
    return problems
