"""Emergency alerts' rules (`staff:` in config.yaml), part of `Rules`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StaffAlerts:
    """Emergency alerts: the staff group chat that gets them (None: staff members privately), and
    the minutes without a "Saya tangani" before the admins are told too."""

    chat_id: int | None = None
    escalate_minutes: float = 2.0
