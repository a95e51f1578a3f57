"""Load and validate config.yaml into typed, read-only settings. Every error names the offending
key and says why, so an admin editing the file can fix it. Env vars override a few keys (operations.md)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .config_values import (
    WEEKDAYS, ConfigError, OpeningHours, StaffAlerts, _get, _int_ids, _parse_hours, _passcode, _section, _staff_alerts)

__all__ = ["WEEKDAYS", "ConfigError", "OpeningHours", "Settings", "load_settings", "parse_settings"]

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config.yaml"


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


@dataclass(frozen=True)
class Settings:
    path: Path
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
    database_url: str
    telegram_token: str | None
    telegram_base_url: str | None
    max_messages_per_second: float
    max_messages_per_chat_per_second: float
    web_host: str
    web_port: int
    botapi_port: int
    local_admin_ids: frozenset[int]
    local_staff_ids: frozenset[int]
    keep_ktp_photos: bool
    faq_corpus: Path
    faq_cache_dir: Path
    ocr_workers: int
    ocr_max_image_bytes: int
    ocr_preload: bool  # start the OCR worker (easyocr + torch) at start-up, not on the first KTP
    ocr_min_confidence: float  # a KTP field read with less confidence is left empty and asked
    model_dir: Path
    local_passcode: str | None = None  # docs/security.md: local mode off loopback
    local_token_file: Path = Path("data/local_botapi_token")
    staff_alerts: StaffAlerts = StaffAlerts()  # `staff:` emergency alerts (docs/staff.md)
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    # Lookups derived from the settings and remembered (queue scopes, channels of a queue).
    memo: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    def phase_mean_minutes(self, phase: str, service: str) -> float:
        """Configured mean service time of one visit, used before any history exists."""
        mean = self.phases[phase].mean_service_minutes
        return mean if mean is not None else self.services[service].mean_service_minutes

    def channels_for(self, phase: str, service: str) -> list[Channel]:
        memo = self.memo.setdefault("channels_for", {})
        found = memo.get((phase, service))
        if found is None:
            found = memo[(phase, service)] = [c for c in self.channels if c.phase == phase and service in c.services]
        return list(found)

    def channel(self, name: str) -> Channel:
        for c in self.channels:
            if c.name.casefold() == name.casefold():
                return c
        raise KeyError(name)

    def with_local_demo_roles(self) -> "Settings":
        """Local mode only: the demo staff/admin ids of `local_mode` get their roles."""
        return dataclasses.replace(
            self, admin_ids=self.admin_ids | self.local_admin_ids, staff_ids=self.staff_ids | self.local_staff_ids,
            memo={},
        )

    def resolve(self, relative: Path) -> Path:
        """Paths in the config are relative to the config file's folder."""
        return relative if relative.is_absolute() else self.path.parent / relative


def _parse_clinic(raw: dict) -> Clinic:
    c = _section(raw, "clinic")
    tz = _get(c, "timezone", "clinic", str, "Asia/Jakarta")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("clinic.timezone", f"unknown time zone {tz!r}") from None
    holidays = set()
    for i, h in enumerate(c.get("holidays") or []):
        try:
            holidays.add(h if isinstance(h, dt.date) else dt.date.fromisoformat(str(h)))
        except ValueError:
            raise ConfigError(f"clinic.holidays[{i}]", f"must be a date YYYY-MM-DD, got {h!r}") from None
    return Clinic(
        name=_get(c, "name", "clinic", str),
        address=_get(c, "address", "clinic", str),
        directions=_get(c, "directions", "clinic", str, ""),
        phone=_get(c, "phone", "clinic", str),
        whatsapp=_get(c, "whatsapp", "clinic", str, ""),
        emergency_number=_get(c, "emergency_number", "clinic", str, "119"),
        emergency_unit=_get(c, "emergency_unit", "clinic", str, "UGD"),
        timezone=tz,
        hours=_parse_hours(c.get("hours"), "clinic.hours"),
        holidays=frozenset(holidays),
        fee_umum=_get(c, "fee_umum", "clinic", str, ""),
        complaint_channel=_get(c, "complaint_channel", "clinic", str, ""),
    )


def _parse_services(raw: dict, phases: dict[str, Phase]) -> dict[str, Service]:
    items = raw.get("services")
    if not isinstance(items, list) or not items:
        raise ConfigError("services", "must be a non-empty list")
    services: dict[str, Service] = {}
    prefixes: set[str] = set()
    for i, s in enumerate(items):
        where = f"services[{i}]"
        if not isinstance(s, dict):
            raise ConfigError(where, "must be a mapping")
        code = _get(s, "code", where, str)
        if not re.fullmatch(r"[A-Z]", code):
            raise ConfigError(f"{where}.code", f"must be one capital letter, got {code!r}")
        if code in services:
            raise ConfigError(f"{where}.code", f"{code!r} is used twice")
        prefix = _get(s, "prefix", where, str, code)
        if prefix in prefixes:
            raise ConfigError(f"{where}.prefix", f"{prefix!r} is used twice; numbers would clash")
        prefixes.add(prefix)
        route = tuple(_get(s, "route", where, list, ["loket", "poli", "apotek"]))
        for j, ph in enumerate(route):
            if ph not in phases:
                raise ConfigError(f"{where}.route[{j}]", f"unknown phase {ph!r}; known: {', '.join(phases)}")
        if len(set(route)) != len(route):
            raise ConfigError(f"{where}.route", "lists a phase twice")
        rooms = tuple(str(r) for r in _get(s, "rooms", where, list))
        if "poli" in route and not rooms:
            raise ConfigError(f"{where}.rooms", "needs at least one room for the poli phase")
        mean = _get(s, "mean_service_minutes", where, float)
        quota = _get(s, "daily_quota", where, int)
        if mean <= 0:
            raise ConfigError(f"{where}.mean_service_minutes", "must be positive")
        if quota <= 0:
            raise ConfigError(f"{where}.daily_quota", "must be positive")
        services[code] = Service(
            code=code,
            name=_get(s, "name", where, str),
            name_en=_get(s, "name_en", where, str, _get(s, "name", where, str)),
            prefix=prefix,
            rooms=rooms,
            mean_service_minutes=mean,
            daily_quota=quota,
            route=route,
            hours=_parse_hours(s.get("hours"), f"{where}.hours"),
        )
    return services


def _parse_phases(raw: dict) -> tuple[dict[str, Phase], list[Channel]]:
    section = _section(raw, "phases")
    phases: dict[str, Phase] = {}
    channels: list[Channel] = []
    for key, p in section.items():
        where = f"phases.{key}"
        if not isinstance(p, dict):
            raise ConfigError(where, "must be a mapping")
        mean = _get(p, "mean_service_minutes", where, float, None)
        if mean is not None and mean <= 0:
            raise ConfigError(f"{where}.mean_service_minutes", "must be positive")
        phases[key] = Phase(key, _get(p, "label", where, str, key), _get(p, "label_en", where, str, key), mean)
        for i, ch in enumerate(p.get("channels") or []):
            cw = f"{where}.channels[{i}]"
            if not isinstance(ch, dict):
                raise ConfigError(cw, "must be a mapping with name and services")
            svc = ch.get("services", "*")
            channels.append(Channel(_get(ch, "name", cw, str), key, frozenset(["*"] if svc == "*" else svc)))
    if "poli" not in phases:
        raise ConfigError("phases.poli", "is missing; every service route needs its examination phase")
    return phases, channels


def _parse_conditions(raw: dict) -> tuple[dict[str, Condition], int]:
    p = _section(raw, "priority")
    conds = p.get("conditions")
    if not isinstance(conds, dict) or not conds:
        raise ConfigError("priority.conditions", "must map condition keys to {label, level}")
    out: dict[str, Condition] = {}
    for key, c in conds.items():
        where = f"priority.conditions.{key}"
        if not isinstance(c, dict):
            raise ConfigError(where, "must be a mapping with label and level")
        level = _get(c, "level", where, int)
        if not 0 <= level <= 3:
            raise ConfigError(f"{where}.level", f"must be 0 (highest) to 3 (lowest), got {level}")
        out[key] = Condition(
            key=key,
            label=_get(c, "label", where, str),
            label_en=_get(c, "label_en", where, str, _get(c, "label", where, str)),
            level=level,
            min_age=_get(c, "min_age", where, int, None),
            max_age=_get(c, "max_age", where, int, None),
            isolation=_get(c, "isolation", where, bool, False),
        )
    if "darurat" not in out or out["darurat"].level != 0:
        raise ConfigError("priority.conditions.darurat", "must exist with level 0: emergencies always go first")
    default_level = _get(p, "default_level", "priority", int, 3)
    return out, default_level


def _parse_policy(raw: dict) -> PolicyConfig:
    p = _section(raw, "policy")
    name = _get(p, "name", "policy", str)
    if name not in ("head_start", "strict", "fcfs"):
        raise ConfigError("policy.name", f"must be head_start, strict or fcfs, got {name!r}")
    minutes = p.get("head_start_minutes") or {}
    if not isinstance(minutes, dict):
        raise ConfigError("policy.head_start_minutes", "must map level (1..3) to minutes")
    head_start: dict[int, float] = {}
    for level, value in minutes.items():
        if not isinstance(level, int) or not 1 <= level <= 3:
            raise ConfigError(f"policy.head_start_minutes.{level}", "level must be 1, 2 or 3")
        if not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"policy.head_start_minutes.{level}", f"must be minutes >= 0, got {value!r}")
        head_start[level] = float(value)
    return PolicyConfig(name, head_start)


def parse_settings(raw: dict, path: Path, env: dict[str, str] | None = None) -> Settings:
    """Validate a parsed config mapping; `env` overrides (default os.environ)."""
    env = dict(os.environ) if env is None else env
    if not isinstance(raw, dict):
        raise ConfigError("(top level)", "the file must be a YAML mapping")
    clinic = _parse_clinic(raw)
    phases, channels = _parse_phases(raw)
    services = _parse_services(raw, phases)
    for s in services.values():
        channels.extend(Channel(room, "poli", frozenset([s.code])) for room in s.rooms)
    names = [c.name.casefold() for c in channels]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ConfigError("phases/services.rooms", f"channel names must be unique, repeated: {sorted(dupes)}")
    for c in channels:
        if "*" in c.services:
            object.__setattr__(c, "services", frozenset(services))
        unknown = c.services - set(services)
        if unknown:
            raise ConfigError(f"phases.{c.phase}.channels", f"{c.name} serves unknown services {sorted(unknown)}")
    for s in services.values():
        for ph in s.route:
            if not any(c.phase == ph and s.code in c.services for c in channels):
                raise ConfigError(f"services.{s.code}.route", f"no channel serves phase {ph!r} for this service")
    conditions, default_level = _parse_conditions(raw)
    notif = raw.get("notifications") or {}
    roles = raw.get("roles") or {}
    db = raw.get("database") or {}
    tg = raw.get("telegram") or {}
    web = raw.get("web") or {}
    local = raw.get("local_mode") or {}
    faq = raw.get("faq") or {}
    ocr = raw.get("ocr") or {}
    pred = raw.get("predictor") or {}
    token_env = _get(tg, "token_env", "telegram", str, "TELEGRAM_BOT_TOKEN")
    notifications = Notifications(
        turn_near_position=_get(notif, "turn_near_position", "notifications", int, 3),
        turn_near_minutes=_get(notif, "turn_near_minutes", "notifications", float, 15.0),
        skip_grace_minutes=_get(notif, "skip_grace_minutes", "notifications", float, 30.0),
        advice_margin_minutes=_get(notif, "advice_margin_minutes", "notifications", float, 10.0),
    )
    return Settings(
        path=path,
        clinic=clinic,
        phases=phases,
        channels=tuple(channels),
        services=services,
        conditions=conditions,
        default_level=default_level,
        policy=_parse_policy(raw),
        notifications=notifications,
        admin_ids=_int_ids(roles.get("admins"), "roles.admins"),
        staff_ids=_int_ids(roles.get("staff"), "roles.staff"),
        database_url=env.get("PUSQUE_DATABASE_URL") or _get(db, "url", "database", str, "sqlite+aiosqlite:///data/pusque.db"),
        telegram_token=env.get(token_env) or None,
        telegram_base_url=_get(tg, "base_url", "telegram", str, None),
        max_messages_per_second=_get(tg, "max_messages_per_second", "telegram", float, 30.0),
        max_messages_per_chat_per_second=_get(tg, "max_messages_per_chat_per_second", "telegram", float, 1.0),
        web_host=_get(web, "host", "web", str, "127.0.0.1"),
        web_port=_get(web, "port", "web", int, 8080),
        botapi_port=_get(local, "botapi_port", "local_mode", int, 8081),
        local_admin_ids=_int_ids(local.get("admin_ids"), "local_mode.admin_ids"),
        local_staff_ids=_int_ids(local.get("staff_ids"), "local_mode.staff_ids"),
        keep_ktp_photos=_get(raw.get("personal_data") or {}, "keep_ktp_photos", "personal_data", bool, False),
        faq_corpus=Path(_get(faq, "corpus", "faq", str, "nlp/faq_corpus.yaml")),
        faq_cache_dir=Path(_get(faq, "cache_dir", "faq", str, "data/faq")),
        ocr_workers=_get(ocr, "workers", "ocr", int, 1),
        ocr_max_image_bytes=_get(ocr, "max_image_bytes", "ocr", int, 10_000_000),
        ocr_preload=_get(ocr, "preload", "ocr", bool, True),
        ocr_min_confidence=_get(ocr, "min_confidence", "ocr", float, 0.90),
        model_dir=Path(_get(pred, "model_dir", "predictor", str, "data/model")),
        local_passcode=_passcode(local),
        local_token_file=Path(_get(local, "token_file", "local_mode", str, "data/local_botapi_token")),
        staff_alerts=_staff_alerts(raw.get("staff") or {}),
        raw=raw,
    )


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read and validate a config file (default: the project's config.yaml)."""
    path = Path(path) if path else DEFAULT_CONFIG_PATH
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("(file)", f"{path} does not exist") from None
    except yaml.YAMLError as exc:
        raise ConfigError("(file)", f"{path} is not valid YAML: {exc}") from None
    return parse_settings(raw, path.resolve(), env)
