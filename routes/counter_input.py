"""Checks of the counter API's request bodies (routes/counter_api.py): each bad field is named.

A problem is `{"code": ..., "message": ..., "message_en": ...}` under the field's name. The NIK
goes through ocr.nik, the project's one NIK validator, as in the chat registration, and a
problem has the chat's code and words (handlers/texts_patient.py `bad.*`). The other fields
follow the chat's rules (handlers/reg_fields.py); the routes may not import the handlers
(the import layers, pyproject.toml), so the few rules are repeated here.
"""
from __future__ import annotations

import datetime as dt
import re

from ocr.nik import card_problems, nik_problems
from queue_core.counter import FIELDS
from queue_core.policy import age_on

REQUIRED = ("nik", "name", "birth_date", "sex", "address")
OPTIONAL = ("phone", "bpjs")
MAX_REASON = 200
MAX_CONDITIONS = 16
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .,'\-]{1,59}$")
MESSAGES = {  # the chat's words (handlers/texts_patient.py)
    "bad.nik_digits": ("NIK hanya berisi angka.", "The NIK has digits only."),
    "bad.nik_length": ("NIK harus 16 angka (Anda mengetik {n}).", "The NIK must have 16 digits (you typed {n})."),
    "bad.nik_province": ("Kode provinsi NIK ({code}) tidak ada.", "The NIK's province code ({code}) does not exist."),
    "bad.nik_region": ("Kode kabupaten/kecamatan NIK tidak boleh 00.", "The NIK's regency/district code cannot be 00."),
    "bad.nik_regency": ("Empat angka pertama NIK ({code}) bukan kode kabupaten/kota yang ada. Periksa lagi NIK di KTP.",
                        "The NIK's first four digits ({code}) are not an existing regency/city code. "
                        "Please check the NIK on the KTP."),
    "bad.nik_date": ("Tanggal lahir di dalam NIK tidak valid.", "The birth date inside the NIK is not a valid date."),
    "bad.nik_serial": ("Nomor urut NIK tidak boleh 0000.", "The NIK's serial cannot be 0000."),
    "bad.nik_birth": ("NIK tidak cocok dengan tanggal lahir ({date}). Periksa NIK atau tanggal lahir.",
                      "The NIK does not match the date of birth ({date}). Check the NIK or the date."),
    "bad.nik_sex": ("NIK tidak cocok dengan jenis kelamin (untuk perempuan, tanggal di NIK ditambah 40).",
                    "The NIK does not match the sex (for women the day in the NIK is plus 40)."),
    "bad.name": ("Nama hanya berisi huruf, spasi, titik, koma, tanda petik atau strip (2-60 karakter).",
                 "A name has letters, spaces, dots, commas, apostrophes or hyphens only (2-60 characters)."),
    "bad.date": ("Tanggal lahir ditulis YYYY-MM-DD, mis. 1995-01-25.",
                 "Write the birth date as YYYY-MM-DD, e.g. 1995-01-25."),
    "bad.date_future": ("Tanggal lahir tidak boleh di masa depan.", "The date of birth cannot be in the future."),
    "bad.date_old": ("Tanggal lahir terlalu lama (lebih dari 120 tahun).",
                     "The date of birth is more than 120 years ago."),
    "bad.sex": ('Jenis kelamin "L" (laki-laki) atau "P" (perempuan).', 'sex is "L" (male) or "P" (female).'),
    "bad.address": ("Alamat terlalu pendek atau terlalu panjang (5-200 karakter).",
                    "The address is too short or too long (5-200 characters)."),
    "bad.phone": ("Nomor HP tidak valid. Contoh: 081234567890.", "Not a valid phone number. Example: 081234567890."),
    "bad.bpjs": ("Nomor BPJS harus 13 angka.", "The BPJS number must have 13 digits."),
}


class BadFields(Exception):
    def __init__(self, problems: dict[str, dict]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def problem(code: str, message: str, message_en: str | None = None, **extra) -> dict:
    return {"code": code, "message": message, "message_en": message_en or message, **extra}


def _bad(code: str, **values) -> dict:
    text_id, text_en = MESSAGES[code]
    return problem(code, text_id.format(**values), text_en.format(**values))


def nik_problem(nik: str, today: dt.date) -> dict | None:
    """As the chat's handlers/reg_fields.nik_problem: the first reason ocr.nik gives, named."""
    if not nik.isdigit():
        return _bad("bad.nik_digits")
    if len(nik) != 16:
        return _bad("bad.nik_length", n=len(nik))
    for reason in nik_problems(nik, today):
        if "province" in reason:
            return _bad("bad.nik_province", code=nik[:2])
        if "regency code" in reason:
            return _bad("bad.nik_regency", code=nik[:4])
        if "serial" in reason:
            return _bad("bad.nik_serial")
        if "00" in reason:
            return _bad("bad.nik_region")
        return _bad("bad.nik_date")
    return None


def _missing(field: str) -> dict:
    return problem("missing", f"{field} belum diisi.", f"{field} is missing.")


def _not_text(field: str) -> dict:
    return problem("type", f"{field} harus berupa teks.", f"{field} must be a string.")


def _object(body) -> dict:
    if not isinstance(body, dict):
        raise BadFields({"body": problem("type", "Isi permintaan harus objek JSON.",
                                         "The body must be a JSON object.")})
    return body


def _digits(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text.strip())


def _birth_date(value: str, today: dt.date) -> tuple[dt.date | None, dict | None]:
    try:
        if not _ISO_DATE.match(value.strip()):
            raise ValueError(value)
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None, _bad("bad.date")
    if day > today:
        return None, _bad("bad.date_future")
    if age_on(day, today) > 120:
        return None, _bad("bad.date_old")
    return day, None


def _parse(name: str, value: str, today: dt.date):
    """One field's value normalised as the chat stores it, or its problem."""
    if name == "nik":
        nik = _digits(value)
        bad = nik_problem(nik, today)
        return (None, bad) if bad else (nik, None)
    if name == "name":
        text = " ".join(value.split()).upper()
        return (text, None) if _NAME.match(text) else (None, _bad("bad.name"))
    if name == "birth_date":
        return _birth_date(value, today)
    if name == "sex":
        sex = value.strip().upper()
        return (sex, None) if sex in ("L", "P") else (None, _bad("bad.sex"))
    if name == "address":
        text = " ".join(value.split()).upper()
        return (text, None) if 5 <= len(text) <= 200 else (None, _bad("bad.address"))
    if name == "phone":
        phone = re.sub(r"[\s\-().]", "", value.strip())
        phone = "0" + phone[3:] if phone.startswith("+62") else "0" + phone[2:] if phone.startswith("62") else phone
        ok = phone.isdigit() and phone.startswith("0") and 9 <= len(phone) <= 14
        return (phone, None) if ok else (None, _bad("bad.phone"))
    bpjs = _digits(value)
    return (bpjs, None) if bpjs.isdigit() and len(bpjs) == 13 else (None, _bad("bad.bpjs"))


def _field(name: str, value, today: dt.date):
    """One patient field checked and normalised (None is allowed only for the optional ones)."""
    if value is None:
        return (None, None) if name in OPTIONAL else (None, _missing(name))
    if not isinstance(value, str):
        return None, _not_text(name)
    return _parse(name, value, today)


def _cross_check(record: dict, problems: dict) -> None:
    """The NIK against the birth date and sex, as the chat checks a whole record."""
    if any(k in problems for k in ("nik", "birth_date", "sex")) or not record.get("nik"):
        return
    born = record.get("birth_date")
    if isinstance(born, str):
        born = dt.date.fromisoformat(born)
    card_sex = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}.get(record.get("sex") or "")
    for reason in card_problems(record["nik"], born, card_sex):
        if "birth" in reason:
            problems["birth_date"] = _bad("bad.nik_birth", date=born.strftime("%d-%m-%Y"))
        else:
            problems["sex"] = _bad("bad.nik_sex")


def _unknown(body: dict, allowed) -> dict:
    return {k[:40]: problem("unknown_field", f"Kolom {k[:40]} tidak dikenal.", f"Unknown field {k[:40]}.",
                            known=list(allowed)) for k in list(body)[:10] if k not in allowed}


def patient_new(body, today: dt.date) -> dict:
    """A new patient's fields, checked and normalised; BadFields names every bad one."""
    body = _object(body)
    problems = _unknown(body, FIELDS)
    record = {}
    for name in FIELDS:
        if name not in body and name in REQUIRED:
            problems[name] = _missing(name)
            continue
        value, bad = _field(name, body.get(name), today)
        if bad:
            problems[name] = bad
        else:
            record[name] = value
    _cross_check(record, problems)
    if problems:
        raise BadFields(problems)
    return record


def patient_changes(body, current: dict, today: dt.date) -> dict:
    """The fields a PATCH changes, checked; the NIK is cross-checked with the resulting record."""
    body = _object(body)
    problems = _unknown(body, FIELDS)
    changes = {}
    for name in FIELDS:
        if name in body:
            value, bad = _field(name, body[name], today)
            if bad:
                problems[name] = bad
            else:
                changes[name] = value
    if not body:
        problems["body"] = problem("empty", "Tidak ada kolom yang diubah.", "No field to change.")
    _cross_check({**current, **changes}, problems)
    if problems:
        raise BadFields(problems)
    return changes


def ticket_request(body, known_services, known_conditions) -> dict:
    """{"patient_id", "service", "conditions", "doctor", "day"}: types and known values checked."""
    body = _object(body)
    problems = _unknown(body, ("patient_id", "service", "conditions", "doctor", "day"))
    out: dict = {}
    pid = body.get("patient_id")
    if pid is None:
        problems["patient_id"] = _missing("patient_id")
    elif isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid < 2 ** 31:
        problems["patient_id"] = problem("type", "patient_id harus bilangan bulat positif.",
                                         "patient_id must be a positive integer.")
    else:
        out["patient_id"] = pid
    service = body.get("service")
    if service is None:
        problems["service"] = _missing("service")
    elif not isinstance(service, str):
        problems["service"] = _not_text("service")
    elif service.strip().upper() not in known_services:
        problems["service"] = problem("unknown_service", f"Layanan \"{service[:16]}\" tidak dikenal.",
                                      f"Unknown service \"{service[:16]}\".", known=sorted(known_services))
    else:
        out["service"] = service.strip().upper()
    conditions = body.get("conditions", [])
    if conditions is None:
        conditions = []
    listed = isinstance(conditions, list) and len(conditions) <= MAX_CONDITIONS
    if not listed or not all(isinstance(c, str) for c in conditions):
        problems["conditions"] = problem("type", "conditions harus daftar kunci kondisi, mis. [\"hamil\"].",
                                         'conditions must be a list of condition keys, e.g. ["hamil"].')
    else:
        unknown = [c[:40] for c in conditions if c not in known_conditions][:5]
        if unknown:
            problems["conditions"] = problem("unknown_condition", "Kondisi tidak dikenal: " + ", ".join(unknown),
                                             "Unknown conditions: " + ", ".join(unknown), unknown=unknown,
                                             known=sorted(known_conditions))
        out["conditions"] = list(dict.fromkeys(conditions))
    doctor = body.get("doctor")
    if doctor is not None and (isinstance(doctor, bool) or not isinstance(doctor, int)):
        problems["doctor"] = problem("type", "doctor harus bilangan bulat (id dokter).",
                                     "doctor must be an integer id.")
    out["doctor"] = doctor
    day = body.get("day")
    if day is not None:
        try:
            if not isinstance(day, str) or not _ISO_DATE.match(day):
                raise ValueError(day)
            out["day"] = dt.date.fromisoformat(day)
        except ValueError:
            problems["day"] = problem("bad.date", "day ditulis YYYY-MM-DD.", "Write day as YYYY-MM-DD.")
    if problems:
        raise BadFields(problems)
    return out


def query_day(value: str | None) -> dt.date | None:
    """`?day=YYYY-MM-DD` (a booking's day), or None for today."""
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadFields({"day": problem("bad.date", "day ditulis YYYY-MM-DD.", "Write day as YYYY-MM-DD.")}) from None


def reason(body) -> str:
    """{"reason": "..."}: 1 to MAX_REASON characters once trimmed (it is told to the patient)."""
    body = _object(body)
    value = body.get("reason")
    if value is None:
        raise BadFields({"reason": _missing("reason")})
    if not isinstance(value, str):
        raise BadFields({"reason": _not_text("reason")})
    text = " ".join(value.split())
    if not text or len(text) > MAX_REASON:
        raise BadFields({"reason": problem("length", f"Alasan 1-{MAX_REASON} karakter.",
                                           f"The reason has 1 to {MAX_REASON} characters.")})
    return text
