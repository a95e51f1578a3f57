"""Personal data rules (UU 27/2022): what may be shown where."""
from __future__ import annotations


def mask_nik(nik: str | None) -> str:
    """'3507124509900003' -> '3507**********03': enough for staff to match a card, not to copy it."""
    if not nik:
        return ""
    if len(nik) <= 6:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 6) + nik[-2:]
