"""Checks of the counter API's request bodies (routes/counter_api.py): each bad field is named.

A problem is `{"code": ..., "message": ..., "message_en": ...}` under the field's name. A
patient's fields follow the chat registration's rules and words, from one place
(bot/patient_fields.py, `bad.*`); the API is stricter only where its contract says so: a birth
date is ISO (`YYYY-MM-DD`) and sex is "L" or "P" as on the KTP.
"""
from __future__ import annotations

import datetime as dt
import re

from bot.i18n import t
from bot.patient_fields import PARSERS, Problem
from bot.patient_fields import nik_problem as patient_nik_problem
from ocr.nik import card_problems
from queue_core.counter import FIELDS

REQUIRED = ("nik", "name", "birth_date", "sex", "address")
OPTIONAL = ("phone", "bpjs")
MAX_REASON = 200
MAX_CONDITIONS = 16
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# The API's own words where its contract is stricter than the chat's
API_WORDS = {
    "bad.date": ("Tanggal lahir ditulis YYYY-MM-DD, mis. 1995-01-25.", "Write the birth date as YYYY-MM-DD, e.g. 1995-01-25."),
    "bad.sex": ('Jenis kelamin "L" (laki-laki) atau "P" (perempuan).', 'sex is "L" (male) or "P" (female).'),
}


class BadFields(Exception):
    def __init__(self, problems: dict[str, dict]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def problem(code: str, message: str, message_en: str | None = None, **extra) -> dict:
    return {"code": code, "message": message, "message_en": message_en or message, **extra}


def _said(found: Problem) -> dict:
    if found.key in API_WORDS:
        return problem(found.key, *API_WORDS[found.key])
    return problem(found.key, t(found.key, "id", **found.values), t(found.key, "en", **found.values))


def _bad(code: str, **values) -> dict:
    return _said(Problem(code, values))


def nik_problem(nik: str, today: dt.date) -> dict | None:
    """The chat's NIK check (bot/patient_fields.nik_problem), as an API problem."""
    found = patient_nik_problem(nik, today)
    return None if found is None else _said(found)


def _missing(field: str) -> dict:
    return problem("missing", f"{field} belum diisi.", f"{field} is missing.")


def _not_text(field: str) -> dict:
    return problem("type", f"{field} harus berupa teks.", f"{field} must be a string.")


def _object(body) -> dict:
    if not isinstance(body, dict):
        raise BadFields({"body": problem("type", "Isi permintaan harus objek JSON.",
                                         "The body must be a JSON object.")})
    return body


def _parse(name: str, value: str, today: dt.date):
    """One field's value normalised as the chat stores it, or its problem."""
    if name == "birth_date" and not _ISO_DATE.match(value.strip()):
        return None, _bad("bad.date")
    if name == "sex":
        sex = value.strip().upper()
        return (sex, None) if sex in ("L", "P") else (None, _bad("bad.sex"))
    parsed, found = PARSERS[name](value, today)
    if found is not None:
        return None, _said(found)
    return (dt.date.fromisoformat(parsed) if name == "birth_date" else parsed), None


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
