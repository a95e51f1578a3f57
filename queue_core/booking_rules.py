"""Booking ahead's rules (`booking:` in config.yaml), part of `Rules`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Booking:
    """Numbers taken ahead: how many days ahead, when the reminders go out, and how long after the
    session starts a booked patient may check in and keep their place (docs/queue_core.md)."""

    days_ahead: int = 7
    evening_reminder: dt.time = dt.time(18, 0)
    morning_reminder: dt.time = dt.time(6, 0)
    checkin_minutes: float = 60.0
    scan_seconds: float = 60.0
