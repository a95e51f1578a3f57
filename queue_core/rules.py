"""The clinic's rules as the queue sees them: typed, read-only values built by the settings
package (settings/) from config.yaml. Nothing here reads files or the environment."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .alert_rules import StaffAlerts
from .booking_rules import Booking

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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


@dataclass(frozen=True)
class Clinic:
    name: str
    address: str
    directions: str
    phone: str
    whatsapp: str
    emergency_number: str
    emergency_unit: str
    timezone: str
    hours: OpeningHours
    holidays: frozenset[dt.date]
    fee_umum: str
    complaint_channel: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Channel:
    """A counter or room serving one phase for a set of services."""

    name: str
    phase: str
    services: frozenset[str]
    every_service: bool = False  # "*" in config.yaml: serves each service, also one added later
    room_of: str | None = None   # a poli room of one service (its `rooms`), made and removed with it
    # the services config.yaml names for it, of which `services` are the active ones (None: all of them)
    named: frozenset[str] | None = None


@dataclass(frozen=True)
class Phase:
    key: str
    label: str
    label_en: str
    mean_service_minutes: float | None


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    name_en: str
    prefix: str
    rooms: tuple[str, ...]
    mean_service_minutes: float
    daily_quota: int
    route: tuple[str, ...]
    hours: OpeningHours


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    label_en: str
    level: int
    min_age: int | None = None
    max_age: int | None = None
    isolation: bool = False

    @property
    def age_based(self) -> bool:
        return self.min_age is not None or self.max_age is not None


@dataclass(frozen=True)
class PolicyConfig:
    name: str  # "head_start" | "strict" | "fcfs"
    head_start_minutes: dict[int, float]


@dataclass(frozen=True)
class Notifications:
    turn_near_position: int
    turn_near_minutes: float
    skip_grace_minutes: float
    advice_margin_minutes: float
    default_trip_minutes: int = 15     # home to clinic, for a patient who has not said
    leave_again_minutes: float = 10.0  # "time to leave now" again when the advice moves this much earlier


@dataclass(frozen=True, kw_only=True)
class Rules:
    """The clinic as the queue sees it; the application's settings (settings.Settings) carry more."""

    clinic: Clinic
    phases: dict[str, Phase]
    channels: tuple[Channel, ...]
    services: dict[str, Service]
    conditions: dict[str, Condition]
    default_level: int
    policy: PolicyConfig
    notifications: Notifications
    admin_ids: frozenset[int]
    staff_ids: frozenset[int]
    staff_alerts: StaffAlerts = StaffAlerts()  # `staff:` in config.yaml: who gets emergency alerts
    booking: Booking = Booking()  # `booking:` in config.yaml
    memo: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)  # queries.made_once

    def phase_mean_minutes(self, phase: str, service: str) -> float:
        """Configured mean service time of one visit, used before any history exists."""
        mean = self.phases[phase].mean_service_minutes
        return mean if mean is not None else self.services[service].mean_service_minutes

    def channels_for(self, phase: str, service: str) -> list[Channel]:
        return [c for c in self.channels if c.phase == phase and service in c.services]

    def channel(self, name: str) -> Channel:
        for c in self.channels:
            if c.name.casefold() == name.casefold():
                return c
        raise KeyError(name)
