"""Primitive config values: typed lookups, opening hours, and the error that names a key."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")

class ConfigError(ValueError):
    """A config value is missing or wrong; the message names the key."""

    def __init__(self, key: str, why: str) -> None:
        super().__init__(f"config.yaml: {key}: {why}")
        self.key = key


@dataclass(frozen=True)
class OpeningHours:
    """Per-weekday opening window; a weekday mapped to None is closed."""

    windows: dict[str, tuple[dt.time, dt.time] | None]

    def window(self, day: dt.date) -> tuple[dt.time, dt.time] | None:
        return self.windows.get(WEEKDAYS[day.weekday()])

    def is_open(self, moment: dt.datetime) -> bool:
        window = self.window(moment.date())
        return window is not None and window[0] <= moment.time() < window[1]

    def describe(self) -> dict[str, str | None]:
        return {
            day: (f"{w[0]:%H:%M}-{w[1]:%H:%M}" if w else None) for day, w in self.windows.items()
        }


def _get(d: dict, key: str, where: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
    if key not in d or d[key] is None and default is not ...:
        if default is ...:
            raise ConfigError(f"{where}.{key}", "is missing")
        return default
    value = d[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind in (int, float):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ConfigError(f"{where}.{key}", f"must be {expected}, got {value!r}")
    return value


def _section(raw: dict, key: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise ConfigError(key, "is missing or is not a mapping")
    return value


def _parse_hours(value: Any, where: str) -> OpeningHours:
    if not isinstance(value, dict):
        raise ConfigError(where, "must map weekdays (mon..sun) to 'HH:MM-HH:MM' or null")
    windows: dict[str, tuple[dt.time, dt.time] | None] = {}
    for day in value:
        if day not in WEEKDAYS:
            raise ConfigError(f"{where}.{day}", f"is not a weekday; use one of {', '.join(WEEKDAYS)}")
    for day in WEEKDAYS:
        text = value.get(day)
        if text is None:
            windows[day] = None
            continue
        m = _HOURS_RE.match(str(text).strip())
        if not m:
            raise ConfigError(f"{where}.{day}", f"must look like '07:30-12:00', got {text!r}")
        h1, m1, h2, m2 = map(int, m.groups())
        try:
            start, end = dt.time(h1, m1), dt.time(h2, m2)
        except ValueError:
            raise ConfigError(f"{where}.{day}", f"{text!r} is not a valid time") from None
        if end <= start:
            raise ConfigError(f"{where}.{day}", f"closes before it opens: {text!r}")
        windows[day] = (start, end)
    return OpeningHours(windows)


def _int_ids(value: Any, where: str) -> frozenset[int]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise ConfigError(where, "must be a list of Telegram user ids (numbers)")
    return frozenset(value)


def _passcode(local: dict) -> str | None:
    """local_mode.passcode: null (a random one at each start when off loopback) or 6+ characters."""
    value = _get(local, "passcode", "local_mode", str, None)
    if value is not None and len(value.strip()) < 6:
        raise ConfigError("local_mode.passcode", "must be at least 6 characters (or null: a random one each start)")
    return None if value is None else value.strip()


@dataclass(frozen=True)
class StaffAlerts:
    """Emergency alerts: the staff group chat that gets them (None: staff members privately), and
    the minutes without a "Saya tangani" before the admins are told too."""

    chat_id: int | None = None
    escalate_minutes: float = 2.0


def _staff_alerts(s: Any) -> StaffAlerts:
    if not isinstance(s, dict):
        raise ConfigError("staff", "must be a mapping")
    chat = _get(s, "alert_chat_id", "staff", int, None)
    minutes = _get(s, "alert_escalate_minutes", "staff", float, 2.0)
    if not 0 < minutes <= 60:
        raise ConfigError("staff.alert_escalate_minutes", f"must be more than 0 and at most 60, got {minutes!r}")
    return StaffAlerts(chat, minutes)
