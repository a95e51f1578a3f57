"""Numbers in callback data, checked before use.

Button data comes from the client and can be forged: "vw:99999999999999999999" must be a stale
button, not an OverflowError in the database. `button_int` accepts plain decimal digits only
(no sign, spaces or underscores, which int() would take) in [minimum, 2**63 - 1], the range of
the database's BIGINT ids; anything else is None, which the handlers answer as "no longer valid".
"""
from __future__ import annotations

MAX_ID = 2**63 - 1


def button_int(text: str | None, minimum: int = 1) -> int | None:
    if not text or len(text) > 19 or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if minimum <= value <= MAX_ID else None
