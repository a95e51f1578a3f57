"""config.yaml + environment -> Settings. Environment variables win over the file:
PUSQUE_DATABASE_URL, the token variable named by telegram.token_env (TELEGRAM_BOT_TOKEN), and
any key as PUSQUE_<SECTION>__<KEY> (PUSQUE_WEB__PORT=9000, PUSQUE_OCR__MIN_CONFIDENCE=0.8)."""
from __future__ import annotations

import os
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

from queue_core.alert_rules import StaffAlerts
from queue_core.booking_rules import Booking
from queue_core.rules import (
    Channel,
    Clinic,
    Condition,
    Notifications,
    OpeningHours,
    Phase,
    PolicyConfig,
    Service,
)

from .schema import ConfigFile, Keyed
from .settings import ConfigError, Settings

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config.yaml"
# libyaml's safe loader when PyYAML has it (20x faster than the pure-Python one: settings are
# read at every start and in most tests), the same safe subset of YAML either way
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENVIRON: ContextVar[Mapping[str, str]] = ContextVar("environ")


class _Environment(EnvSettingsSource):
    """The environment given to load_settings (os.environ unless a test passes its own)."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(_ENVIRON.get(os.environ), self.case_sensitive, self.env_ignore_empty,
                              self.env_parse_none_str)


class _FileWithEnvironment(ConfigFile, BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PUSQUE_", env_nested_delimiter="__", extra="ignore", frozen=True)

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource) -> tuple[PydanticBaseSettingsSource, ...]:
        return (_Environment(settings_cls), init_settings)


def _key(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in ("function-after", "function-before") and not str(part).startswith(("function-", "literal[", "tuple[")):
            out += ("." if out else "") + str(part)
    return out or "(top level)"


_WHY = {
    "missing": "is missing",
    "int_type": "must be int", "int_parsing": "must be int", "int_from_float": "must be int",
    "bool_type": "must be bool (true or false)", "bool_parsing": "must be bool (true or false)",
    "float_type": "must be a number", "float_parsing": "must be a number",
    "string_type": "must be text", "greater_than": "must be positive",
    "dict_type": "must be a mapping", "model_type": "must be a mapping", "list_type": "must be a list",
}


def _config_error(exc: ValidationError, path: Path) -> ConfigError:
    err = exc.errors(include_url=False)[0]
    loc = tuple(err["loc"])
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, Keyed):
        return ConfigError(_key(loc + tuple(cause.key.replace("[", ".[").split("."))).replace(".[", "["),
                           cause.why, path)
    why = _WHY.get(err["type"], err["msg"].removeprefix("Value error, "))
    if err["type"] in ("int_type", "int_parsing", "bool_type", "bool_parsing", "float_parsing", "string_type", "literal_error"):
        why += f", got {err.get('input')!r}"
    if loc[:2] == ("roles", "staff") or loc[:2] == ("roles", "admins"):
        return ConfigError(_key(loc[:2]), "must be a list of Telegram user ids (numbers)", path)
    return ConfigError(_key(loc), why, path)


def _build(file: ConfigFile, raw: dict, path: Path, env: Mapping[str, str]) -> Settings:
    c = file.clinic
    clinic = Clinic(name=c.name, address=c.address, directions=c.directions, phone=c.phone, whatsapp=c.whatsapp,
                    emergency_number=c.emergency_number, emergency_unit=c.emergency_unit, timezone=c.timezone,
                    hours=OpeningHours(dict(c.hours)), holidays=frozenset(c.holidays), fee_umum=c.fee_umum,
                    complaint_channel=c.complaint_channel)
    phases = {key: Phase(key, p.label or key, p.label_en or key, p.mean_service_minutes) for key, p in file.phases.items()}
    codes = [s.code for s in file.services]
    channels = [Channel(ch.name, key, frozenset(codes if ch.services == "*" else ch.services), every_service=ch.services == "*")
                for key, p in file.phases.items() for ch in p.channels]
    services = {}
    for s in file.services:
        services[s.code] = Service(code=s.code, name=s.name, name_en=s.name_en or s.name, prefix=s.prefix or s.code,
                                   rooms=tuple(s.rooms), mean_service_minutes=s.mean_service_minutes,
                                   daily_quota=s.daily_quota, route=tuple(s.route), hours=OpeningHours(dict(s.hours)))
        channels.extend(Channel(room, "poli", frozenset([s.code]), room_of=s.code) for room in s.rooms)
    names = [ch.name.casefold() for ch in channels]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ConfigError("phases/services.rooms", f"channel names must be unique, repeated: {sorted(dupes)}", path)
    for ch in channels:
        unknown = ch.services - set(services)
        if unknown:
            raise ConfigError(f"phases.{ch.phase}.channels", f"{ch.name} serves unknown services {sorted(unknown)}", path)
    for svc in services.values():
        for phase in svc.route:
            if not any(ch.phase == phase and svc.code in ch.services for ch in channels):
                raise ConfigError(f"services.{svc.code}.route", f"no channel serves phase {phase!r} for this service", path)
    conditions = {key: Condition(key=key, label=k.label, label_en=k.label_en or k.label, level=k.level,
                                 min_age=k.min_age, max_age=k.max_age, isolation=k.isolation)
                  for key, k in file.priority.conditions.items()}
    n, local = file.notifications, file.local_mode
    return Settings(
        path=path, clinic=clinic, phases=phases, channels=tuple(channels), services=services, conditions=conditions,
        default_level=file.priority.default_level,
        policy=PolicyConfig(file.policy.name, {int(k): float(v) for k, v in file.policy.head_start_minutes.items()}),
        notifications=Notifications(n.turn_near_position, n.turn_near_minutes, n.skip_grace_minutes,
                                    n.advice_margin_minutes, n.default_trip_minutes, n.leave_again_minutes),
        admin_ids=frozenset(file.roles.admins or ()), staff_ids=frozenset(file.roles.staff or ()),
        staff_alerts=StaffAlerts(file.staff.alert_chat_id, file.staff.alert_escalate_minutes),
        booking=Booking(file.booking.days_ahead, file.booking.evening_reminder, file.booking.morning_reminder,
                        file.booking.checkin_minutes, file.booking.scan_seconds),
        database_url=env.get("PUSQUE_DATABASE_URL") or file.database.url,
        telegram_token=env.get(file.telegram.token_env) or None,
        telegram_base_url=file.telegram.base_url,
        max_messages_per_second=file.telegram.max_messages_per_second,
        max_messages_per_chat_per_second=file.telegram.max_messages_per_chat_per_second,
        web_host=file.web.host, web_port=file.web.port, botapi_port=local.botapi_port,
        local_admin_ids=frozenset(local.admin_ids or ()), local_staff_ids=frozenset(local.staff_ids or ()),
        keep_ktp_photos=file.personal_data.keep_ktp_photos,
        faq_corpus=Path(file.faq.corpus), faq_cache_dir=Path(file.faq.cache_dir),
        ocr_workers=file.ocr.workers, ocr_max_image_bytes=file.ocr.max_image_bytes, ocr_preload=file.ocr.preload,
        ocr_min_confidence=file.ocr.min_confidence, model_dir=Path(file.predictor.model_dir),
        local_passcode=local.passcode, local_token_file=Path(local.token_file), raw=raw,
    )


def parse_settings(raw: Any, path: Path, env: Mapping[str, str] | None = None) -> Settings:
    """Validate a parsed config mapping; `env` (default os.environ) overrides it."""
    env = os.environ if env is None else env
    if not isinstance(raw, dict):
        raise ConfigError("(top level)", "the file must be a YAML mapping", path)
    token = _ENVIRON.set(env)
    try:
        file = _FileWithEnvironment(**raw)
    except ValidationError as exc:
        raise _config_error(exc, path) from None
    finally:
        _ENVIRON.reset(token)
    return _build(file, raw, path, env)


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate a config file (default: the project's config.yaml)."""
    path = Path(path) if path else DEFAULT_CONFIG_PATH
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except FileNotFoundError:
        raise ConfigError("(file)", f"{path} does not exist", path) from None
    except yaml.YAMLError as exc:
        raise ConfigError("(file)", f"{path} is not valid YAML: {exc}", path) from None
    return parse_settings(raw, path.resolve(), env)
