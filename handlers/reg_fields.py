"""The chat registration's fields: the rules are bot/patient_fields.py's (shared with the counter's
API); here the draft's place in user_data and the draft made from a KTP reading."""
from __future__ import annotations

from bot.patient_fields import (  # noqa: F401 - the registration's names, used across handlers/reg_*
    CHILD_FIELDS,
    CHILD_MAX_AGE,
    PARSERS,
    SELF_FIELDS,
    Problem,
    fields_for,
    nik_problem,
    parse_address,
    parse_bpjs,
    parse_date,
    parse_kk,
    parse_name,
    parse_nik,
    parse_phone,
    parse_sex,
    record_problems,
)

REG = "reg"  # user_data key of the registration draft


def from_ocr(result: dict, min_confidence: float = 0.0) -> tuple[dict, list[str]]:
    """The draft from a ktp.md result, and notes for the patient (text keys).

    Only fields read with at least `min_confidence` are taken (`ocr.min_confidence`): a wrong
    pre-fill a patient confirms without reading is worse than a question (ocr.prefill.form_draft,
    the same mapping the counter page uses)."""
    from ocr.prefill import form_draft

    draft, derived = form_draft(result, min_confidence)
    return draft, [f"reg.from_nik.{field}" for field in derived]
