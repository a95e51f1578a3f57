"""Which read fields a form may show pre-filled, and the form's draft made of them: the reader's
contract with the chat's registration and the counter page (one mapping for both).

A field read with less confidence than the clinic's threshold (`ocr.min_confidence`) is left empty
and asked: a wrong pre-fill a patient confirms without reading is worse than a question. The NIK,
birth date and sex are exempt when they were checked against each other (`nik_valid`: the NIK's
own rules, its region codes, and the card's printed birth date and sex agree with it): three
readings that agree are not a guess, whatever the recogniser's confidence in each.
"""
from __future__ import annotations

from .nik import decode_nik

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


def form_draft(result: dict, min_confidence: float) -> tuple[dict, list[str]]:
    """The registration form's fields (nik, name, birth_date as ISO, sex "L"/"P", address) from a
    reading, and the fields taken from the NIK instead of the card's own row (the form says so).

    A valid NIK gives the birth date and sex when their rows were not read; the address is
    composed from Alamat, RT/RW, Kel/Desa and Kecamatan."""
    fields = prefilled(result, min_confidence)

    def read(key: str):
        return fields.get(key) or None

    draft: dict = {}
    derived: list[str] = []
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
            derived.append("birth_date")
        if "sex" not in draft:
            draft["sex"] = "L" if info.sex == "LAKI-LAKI" else "P"
            derived.append("sex")
    for what, field in (("birth date", "birth_date"), ("sex", "sex")):
        # the reader itself took it from the NIK (docs/ktp.md: "birth date on the card unclear; taken
        # from the NIK", likewise "sex on the card ...")
        if any(p.startswith(what) and "taken from the NIK" in p for p in result.get("problems") or []) \
                and field not in derived:
            derived.append(field)
    parts = [read("alamat"), read("rt_rw") and f"RT/RW {fields['rt_rw']}",
             read("kel_desa") and f"KEL. {fields['kel_desa']}", read("kecamatan") and f"KEC. {fields['kecamatan']}"]
    if any(parts):
        draft["address"] = ", ".join(p for p in parts if p)
    return draft, derived
