"""When to leave home: the rules of the "time to leave now" notices (kind `leave_now`), written to
the outbox like every other notice. The operations are in leave_ops.py.

A ticket still in the first queue of its route, not checked in at the clinic, is owed one
"time to leave now" when the clock reaches its advised time minus the patient's trip, and one more
(with the new time) if the advised time later moves `notifications.leave_again_minutes` or more
earlier. What was told is kept on the ticket (`leave_told_for`, `leave_sends`) in the transaction
that writes the notice, so a restart neither repeats nor loses one. docs/notifications.md.
"""
from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table

from .advice import Advice
from .models import Patient
from .notices import LEAVE_NOW, trip_or_default, write_leave_notice
from .rules import Rules

TRIP_CHOICES = (5, 15, 30, 60)  # the buttons in the chat
MAX_LEAVE_SENDS = 2             # the first, and once more when the queue sped up
patients = cast(Table, Patient.__table__)


def first_phase(settings: Rules, service: str) -> str | None:
    svc = settings.services.get(service)
    return svc.route[0] if svc else None


def leave_due(advice: Advice, trip: int, now: dt.datetime) -> bool:
    return advice.come_at - dt.timedelta(minutes=trip) <= now


__all__ = ["LEAVE_NOW", "MAX_LEAVE_SENDS", "TRIP_CHOICES", "first_phase", "leave_due", "patients",
           "trip_or_default", "write_leave_notice"]
