"""A patient's fields: parsing what was typed and checking a whole record, the same rules for the
chat's registration (handlers/) and the counter's API and pages (routes/).

Pure functions. A check returns (value, None) or (None, Problem) where Problem is a text key
(`bad.*`, in TEXTS below) with its values, rendered in the reader's language. NIK rules are
ocr.nik's (one validator in the project).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from queue_core.policy import age_on

SELF_FIELDS = ("nik", "name", "birth_date", "sex", "address")
CHILD_FIELDS = ("no_kk", "name", "birth_date", "sex")
CHILD_MAX_AGE = 16
_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .,'\-]{1,59}$")
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %m %Y")

class Problem(NamedTuple):
    key: str
    values: dict


def fields_for(kind: str) -> tuple[str, ...]:
    return CHILD_FIELDS if kind == "anak" else SELF_FIELDS


def _digits(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text.strip())


def nik_problem(nik: str, today: dt.date) -> Problem | None:
    from ocr.nik import nik_problems

    if not nik.isdigit():
        return Problem("bad.nik_digits", {})
    if len(nik) != 16:
        return Problem("bad.nik_length", {"n": len(nik)})
    for reason in nik_problems(nik, today):
        if "province" in reason:
            return Problem("bad.nik_province", {"code": nik[:2]})
        if "regency code" in reason:
            return Problem("bad.nik_regency", {"code": nik[:4]})
        if "serial" in reason:  # before "00": "serial 0000" contains it too
            return Problem("bad.nik_serial", {})
        if "00" in reason:
            return Problem("bad.nik_region", {})
        if "date" in reason:
            return Problem("bad.nik_date", {})
        return Problem("bad.nik_date", {})
    return None


def parse_nik(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    nik = _digits(text)
    problem = nik_problem(nik, today)
    return (None, problem) if problem else (nik, None)


def parse_kk(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    kk = _digits(text)
    if not kk.isdigit() or len(kk) != 16 or kk.endswith("0000"):
        return None, Problem("bad.kk", {})
    return kk, None


def parse_name(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    name = " ".join(text.split()).upper()
    if not _NAME.match(name):
        return None, Problem("bad.name", {})
    return name, None


def parse_date(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    raw = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(raw, fmt).date()
            break
        except ValueError:
            continue
    else:
        return None, Problem("bad.date", {})
    if day > today:
        return None, Problem("bad.date_future", {})
    if age_on(day, today) > 120:
        return None, Problem("bad.date_old", {})
    return day.isoformat(), None


def parse_sex(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    word = text.strip().lower()
    if word in ("l", "lk", "laki-laki", "laki laki", "laki", "pria", "male", "m"):
        return "L", None
    if word in ("p", "pr", "perempuan", "wanita", "female", "f"):
        return "P", None
    return None, Problem("bad.sex", {})


def parse_address(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    address = " ".join(text.split()).upper()
    if not 5 <= len(address) <= 200:
        return None, Problem("bad.address", {})
    return address, None


def parse_phone(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    phone = re.sub(r"[\s\-().]", "", text.strip())
    if phone.startswith("+62"):
        phone = "0" + phone[3:]
    elif phone.startswith("62"):
        phone = "0" + phone[2:]
    if not phone.isdigit() or not phone.startswith("0") or not 9 <= len(phone) <= 14:
        return None, Problem("bad.phone", {})
    return phone, None


def parse_bpjs(text: str, today: dt.date) -> tuple[str | None, Problem | None]:
    bpjs = _digits(text)
    if not bpjs.isdigit() or len(bpjs) != 13:
        return None, Problem("bad.bpjs", {})
    return bpjs, None


PARSERS = {
    "nik": parse_nik, "no_kk": parse_kk, "name": parse_name, "birth_date": parse_date,
    "sex": parse_sex, "address": parse_address, "phone": parse_phone, "bpjs": parse_bpjs,
}


def record_problems(kind: str, draft: dict, today: dt.date) -> list[Problem]:
    """Everything wrong with a whole record: missing fields, each field's own rules again
    (an OCR value was never typed), and the NIK's agreement with birth date and sex."""
    problems: list[Problem] = []
    for name in fields_for(kind):
        value = draft.get(name)
        if not value:
            problems.append(Problem("bad.missing", {"field": name}))
            continue
        if name == "birth_date":
            try:
                born = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem("bad.date", {}))
                continue
            if born > today:
                problems.append(Problem("bad.date_future", {}))
            elif kind == "anak" and age_on(born, today) > CHILD_MAX_AGE:
                problems.append(Problem("bad.child_age", {}))
        elif name in ("nik", "no_kk", "name", "address"):
            _, problem = PARSERS[name](value, today)
            if problem:
                problems.append(problem)
    nik, born, sex = draft.get("nik"), draft.get("birth_date"), draft.get("sex")
    if kind != "anak" and nik and not nik_problem(nik, today):
        from ocr.nik import card_problems

        try:
            born_date = dt.date.fromisoformat(born) if born else None
        except ValueError:
            born_date = None
        card_sex = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}.get(sex or "")
        for reason in card_problems(nik, born_date, card_sex):
            if "birth" in reason:
                problems.append(Problem("bad.nik_birth", {"date": born_date.strftime("%d-%m-%Y") if born_date else "?"}))
            else:
                problems.append(Problem("bad.nik_sex", {}))
    return problems


TEXTS: dict[str, dict[str, str]] = {
    "bad.nik_digits": {"id": "NIK hanya berisi angka.", "en": "The NIK has digits only."},
    "bad.nik_length": {"id": "NIK harus 16 angka (Anda mengetik {n}).", "en": "The NIK must have 16 digits (you typed {n})."},
    "bad.nik_province": {"id": "Kode provinsi NIK ({code}) tidak ada.", "en": "The NIK's province code ({code}) does not exist."},
    "bad.nik_region": {"id": "Kode kabupaten/kecamatan NIK tidak boleh 00.", "en": "The NIK's regency/district code cannot be 00."},
    "bad.nik_regency": {"id": "Empat angka pertama NIK ({code}) bukan kode kabupaten/kota yang ada. Periksa lagi NIK di KTP.",
                        "en": "The NIK's first four digits ({code}) are not an existing regency/city code. Please check the NIK on the KTP."},
    "bad.nik_date": {"id": "Tanggal lahir di dalam NIK tidak valid.", "en": "The birth date inside the NIK is not a valid date."},
    "bad.nik_serial": {"id": "Nomor urut NIK tidak boleh 0000.", "en": "The NIK's serial cannot be 0000."},
    "bad.nik_birth": {"id": "NIK tidak cocok dengan tanggal lahir ({date}). Periksa NIK atau tanggal lahir.",
                      "en": "The NIK does not match the date of birth ({date}). Check the NIK or the date."},
    "bad.nik_sex": {"id": "NIK tidak cocok dengan jenis kelamin (untuk perempuan, tanggal di NIK ditambah 40).",
                    "en": "The NIK does not match the sex (for women the day in the NIK is plus 40)."},
    "bad.kk": {"id": "Nomor KK harus 16 angka.", "en": "The family card number must have 16 digits."},
    "bad.name": {"id": "Nama hanya berisi huruf, spasi, titik, koma, tanda petik atau strip (2-60 karakter).",
                 "en": "A name has letters, spaces, dots, commas, apostrophes or hyphens only (2-60 characters)."},
    "bad.date": {"id": "Tanggal tidak dikenali. Tulis seperti 05-09-1990.", "en": "Date not recognised. Write it like 05-09-1990."},
    "bad.date_future": {"id": "Tanggal lahir tidak boleh di masa depan.", "en": "The date of birth cannot be in the future."},
    "bad.date_old": {"id": "Tanggal lahir terlalu lama (lebih dari 120 tahun).", "en": "The date of birth is more than 120 years ago."},
    "bad.child_age": {"id": "Pendaftaran anak tanpa KTP hanya untuk usia di bawah 17 tahun.",
                      "en": "Registering a child without KTP is for under-17s only."},
    "bad.sex": {"id": "Pilih Laki-laki atau Perempuan.", "en": "Choose Male or Female."},
    "bad.address": {"id": "Alamat terlalu pendek atau terlalu panjang (5-200 karakter).", "en": "The address is too short or too long (5-200 characters)."},
    "bad.phone": {"id": "Nomor HP tidak valid. Contoh: 081234567890.", "en": "Not a valid phone number. Example: 081234567890."},
    "bad.bpjs": {"id": "Nomor BPJS harus 13 angka.", "en": "The BPJS number must have 13 digits."},
    "bad.missing": {"id": "{field} belum diisi.", "en": "{field} is missing."},
}
