"""Registration fields: parsing what a patient typed and checking a whole record.

Pure functions. A check returns (value, None) or (None, Problem) where Problem is an i18n key
with its values, so the handler renders it in the patient's language. NIK rules are ocr.nik's
(one validator in the project).
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

REG = "reg"  # user_data key of the registration draft


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


def from_ocr(result: dict, min_confidence: float = 0.0) -> tuple[dict, list[str]]:
    """The draft from a ktp.md result, and notes for the patient (text keys).

    Only fields read with at least `min_confidence` are taken (`ocr.min_confidence`): a wrong
    pre-fill a patient confirms without reading is worse than a question. A valid NIK gives the
    birth date and sex when their rows were not read (noted). The address is composed from Alamat,
    RT/RW, Kel/Desa and Kecamatan."""
    from ocr.nik import decode_nik
    from ocr.prefill import prefilled

    fields = prefilled(result, min_confidence)

    def read(key: str):
        return fields.get(key) or None

    draft: dict = {}
    notes: list[str] = []
    if read("nik"):
        draft["nik"] = fields["nik"]
    if read("nama"):
        draft["name"] = " ".join(fields["nama"].split()).upper()
    if read("tanggal_lahir"):
        draft["birth_date"] = fields["tanggal_lahir"]
    sex = read("jenis_kelamin")
    if sex in ("LAKI-LAKI", "PEREMPUAN"):
        draft["sex"] = "L" if sex == "LAKI-LAKI" else "P"
    info = decode_nik(draft["nik"]) if draft.get("nik") and result.get("nik_valid", True) else None
    if info is not None:
        if "birth_date" not in draft:
            draft["birth_date"] = info.birth_date.isoformat()
            notes.append("reg.from_nik.birth_date")
        if "sex" not in draft:
            draft["sex"] = "L" if info.sex == "LAKI-LAKI" else "P"
            notes.append("reg.from_nik.sex")
    for what, note in (("birth date", "reg.from_nik.birth_date"), ("sex", "reg.from_nik.sex")):
        # ktp.md: "birth date on the card unclear; taken from the NIK", likewise "sex on the card ..."
        if any(p.startswith(what) and "taken from the NIK" in p for p in result.get("problems") or []) \
                and note not in notes:
            notes.append(note)
    parts = [read("alamat"), read("rt_rw") and f"RT/RW {fields['rt_rw']}", read("kel_desa") and f"KEL. {fields['kel_desa']}",
             read("kecamatan") and f"KEC. {fields['kecamatan']}"]
    if any(parts):
        draft["address"] = ", ".join(p for p in parts if p)
    return draft, notes


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
