"""The shape of config.yaml, checked by pydantic: one model per section, a validator per rule that
a type cannot say. loader.py turns a valid file into Settings; an invalid one into ConfigError."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from queue_core.rules import WEEKDAYS

_HOURS_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
Minutes = Annotated[float, Field(gt=0)]


class Keyed(ValueError):
    """A rule broken below the field being checked: `key` is relative to it."""

    def __init__(self, key: str, why: str) -> None:
        super().__init__(why)
        self.key, self.why = key, why


class Section(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


def check_hours(value: object) -> dict[str, tuple[dt.time, dt.time] | None]:
    """{mon: "07:30-12:00", ..., sun: null} -> weekday -> (open, close) or None (closed)."""
    if not isinstance(value, dict):
        raise ValueError("must map weekdays (mon..sun) to 'HH:MM-HH:MM' or null")
    for day in value:
        if day not in WEEKDAYS:
            raise Keyed(f"{day}", f"is not a weekday; use one of {', '.join(WEEKDAYS)}")
    windows: dict[str, tuple[dt.time, dt.time] | None] = {}
    for day in WEEKDAYS:
        text = value.get(day)
        if text is None:
            windows[day] = None
            continue
        m = _HOURS_RE.match(str(text).strip())
        if not m:
            raise Keyed(f"{day}", f"must look like '07:30-12:00', got {text!r}")
        h1, m1, h2, m2 = map(int, m.groups())
        try:
            start, end = dt.time(h1, m1), dt.time(h2, m2)
        except ValueError:
            raise Keyed(f"{day}", f"{text!r} is not a valid time") from None
        if end <= start:
            raise Keyed(f"{day}", f"closes before it opens: {text!r}")
        windows[day] = (start, end)
    return windows


class ClinicIn(Section):
    model_config = ConfigDict(extra="allow", frozen=True)  # facts the FAQ answers quote (lab_hours, ...)

    name: str
    address: str
    directions: str = ""
    phone: str
    whatsapp: str = ""
    emergency_number: str = "119"
    emergency_unit: str = "UGD"
    timezone: str = "Asia/Jakarta"
    hours: dict[str, tuple[dt.time, dt.time] | None]
    holidays: list[dt.date] = []
    fee_umum: str = ""
    complaint_channel: str = ""

    _hours = field_validator("hours", mode="before")(check_hours)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, tz: str) -> str:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {tz!r}") from None
        return tz


class ChannelIn(Section):
    name: str
    services: Literal["*"] | list[str] = "*"


class PhaseIn(Section):
    label: str | None = None
    label_en: str | None = None
    mean_service_minutes: Minutes | None = None
    channels: list[ChannelIn] = []


class ServiceIn(Section):
    code: str
    name: str
    name_en: str | None = None
    prefix: str | None = None
    rooms: list[str]
    mean_service_minutes: Minutes
    daily_quota: Annotated[int, Field(gt=0)]
    route: list[str] = ["loket", "poli", "apotek"]
    hours: dict[str, tuple[dt.time, dt.time] | None]

    _hours = field_validator("hours", mode="before")(check_hours)

    @field_validator("code")
    @classmethod
    def _one_capital(cls, code: str) -> str:
        if not re.fullmatch(r"[A-Z]", code):
            raise ValueError(f"must be one capital letter, got {code!r}")
        return code

    @field_validator("route")
    @classmethod
    def _no_repeats(cls, route: list[str]) -> list[str]:
        if len(set(route)) != len(route):
            raise ValueError("lists a phase twice")
        return route


class ConditionIn(Section):
    label: str
    label_en: str | None = None
    level: int
    min_age: int | None = None
    max_age: int | None = None
    isolation: bool = False

    @field_validator("level")
    @classmethod
    def _level_range(cls, level: int) -> int:
        if not 0 <= level <= 3:
            raise ValueError(f"must be 0 (highest) to 3 (lowest), got {level}")
        return level


class PriorityIn(Section):
    conditions: dict[str, ConditionIn] = Field(min_length=1)
    default_level: int = 3

    @field_validator("conditions")
    @classmethod
    def _emergency_first(cls, conditions: dict[str, ConditionIn]) -> dict[str, ConditionIn]:
        if "darurat" not in conditions or conditions["darurat"].level != 0:
            raise Keyed("darurat", "must exist with level 0: emergencies always go first")
        return conditions


class PolicyIn(Section):
    name: Literal["head_start", "strict", "fcfs"]
    head_start_minutes: dict[Literal[1, 2, 3], Annotated[float, Field(ge=0)]] = {}


class NotificationsIn(Section):
    turn_near_position: int = 3
    turn_near_minutes: float = 15.0
    skip_grace_minutes: float = 30.0
    advice_margin_minutes: float = 10.0
    # Minutes from home to the clinic for a patient who has not said (they can, in the chat).
    default_trip_minutes: Annotated[int, Field(ge=0, le=180)] = 15
    # "Time to leave now" is sent once more when the advised time moves this much earlier.
    leave_again_minutes: Annotated[float, Field(gt=0, le=120)] = 10.0


class BookingIn(Section):
    days_ahead: Annotated[int, Field(ge=0, le=60)] = 7  # 0: today only
    evening_reminder: dt.time = dt.time(18, 0)  # the evening before the booked day
    morning_reminder: dt.time = dt.time(6, 0)   # the morning of the booked day
    checkin_minutes: Annotated[float, Field(gt=0, le=480)] = 60.0  # after the session starts
    scan_seconds: Annotated[float, Field(gt=0, le=3600)] = 60.0    # how often reminders and no-shows are looked for


class RolesIn(Section):
    admins: list[int] | None = None
    staff: list[int] | None = None


class StaffIn(Section):
    alert_chat_id: int | None = None  # a staff group chat (a negative id); null: staff privately
    alert_escalate_minutes: Annotated[float, Field(gt=0, le=60)] = 2.0


class DatabaseIn(Section):
    url: str = "sqlite+aiosqlite:///data/pusque.db"


class TelegramIn(Section):
    token_env: str = "TELEGRAM_BOT_TOKEN"
    base_url: str | None = None
    max_messages_per_second: float = 30.0
    max_messages_per_chat_per_second: float = 1.0


class WebIn(Section):
    host: str = "127.0.0.1"
    port: int = 8080


class LocalModeIn(Section):
    botapi_port: int = 8081
    passcode: str | None = None
    token_file: str = "data/local_botapi_token"
    admin_ids: list[int] | None = None
    staff_ids: list[int] | None = None

    @field_validator("passcode")
    @classmethod
    def _long_enough(cls, value: str | None) -> str | None:
        if value is not None and len(value.strip()) < 6:
            raise ValueError("must be at least 6 characters (or null: a random one each start)")
        return None if value is None else value.strip()


class PersonalDataIn(Section):
    keep_ktp_photos: bool = False


class FaqIn(Section):
    corpus: str = "nlp/faq_corpus.yaml"
    cache_dir: str = "data/faq"


class OcrIn(Section):
    workers: int = 1
    max_image_bytes: int = 10_000_000
    preload: bool = True
    min_confidence: Annotated[float, Field(ge=0, le=1)] = 0.90


class PredictorIn(Section):
    model_dir: str = "data/model"


class ConfigFile(Section):
    clinic: ClinicIn
    phases: dict[str, PhaseIn]
    services: list[ServiceIn] = Field(min_length=1)
    priority: PriorityIn
    policy: PolicyIn
    notifications: NotificationsIn = NotificationsIn()
    booking: BookingIn = BookingIn()
    roles: RolesIn = RolesIn()
    staff: StaffIn = StaffIn()
    database: DatabaseIn = DatabaseIn()
    telegram: TelegramIn = TelegramIn()
    web: WebIn = WebIn()
    local_mode: LocalModeIn = LocalModeIn()
    personal_data: PersonalDataIn = PersonalDataIn()
    faq: FaqIn = FaqIn()
    ocr: OcrIn = OcrIn()
    predictor: PredictorIn = PredictorIn()

    @field_validator("phases")
    @classmethod
    def _has_poli(cls, phases: dict[str, PhaseIn]) -> dict[str, PhaseIn]:
        if "poli" not in phases:
            raise Keyed("poli", "is missing; every service route needs its examination phase")
        return phases

    @model_validator(mode="after")
    def _services_fit_phases(self) -> ConfigFile:
        prefixes: set[str] = set()
        codes: set[str] = set()
        for i, s in enumerate(self.services):
            if s.code in codes:
                raise Keyed(f"services[{i}].code", f"{s.code!r} is used twice")
            codes.add(s.code)
            prefix = s.prefix or s.code
            if prefix in prefixes:
                raise Keyed(f"services[{i}].prefix", f"{prefix!r} is used twice; numbers would clash")
            prefixes.add(prefix)
            for j, phase in enumerate(s.route):
                if phase not in self.phases:
                    raise Keyed(f"services[{i}].route[{j}]", f"unknown phase {phase!r}; known: {', '.join(self.phases)}")
            if "poli" in s.route and not s.rooms:
                raise Keyed(f"services[{i}].rooms", "needs at least one room for the poli phase")
        return self
