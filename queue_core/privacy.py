"""Personal data rules (UU 27/2022): what may be shown where."""
from __future__ import annotations


def mask_nik(nik: str | None) -> str:
    """'3507124509900003' -> '3507**********03': enough for staff to match a card, not to copy it."""
    if not nik:
        return ""
    if len(nik) <= 6:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 6) + nik[-2:]


def mask_kiosk_name(name: str | None) -> str:
    """'RINA WULANDARI' -> 'R*** W*******': what a kiosk in the waiting room may show, so a patient
    knows the record is theirs and a stranger learns nothing."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in (name or "").split())
