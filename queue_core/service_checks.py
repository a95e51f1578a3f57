"""The checks on a service (poli) an admin sends: each bad field named with a code and a message in
Indonesian and English, as for doctors and counters (queue_core/clinic_checks.py)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .clinic_checks import HHMM, NAME_MAX, Checker
from .rules import WEEKDAYS, OpeningHours, Rules, Service

SERVICE_FIELDS = ("code", "name", "name_en", "prefix", "route", "daily_quota", "hours", "rooms",
                  "mean_service_minutes", "active")
CODE = re.compile(r"^[A-Z]{1,2}$")
PREFIX = re.compile(r"^[A-Z]{1,3}$")
ROOM_MAX, ROOMS_MAX, QUOTA_MAX = 64, 10, 10_000
DEFAULT_MEAN_MINUTES = 15.0


def _letters(c: Checker, key: str, pattern: re.Pattern[str], what: str, what_en: str) -> str | None:
    if not c.has(key):
        return None
    value = c.body[key]
    code = value.strip().upper() if isinstance(value, str) else ""
    if not pattern.match(code):
        c.bad(key, "format", f"{key} harus {what}.", f"{key} must be {what_en}.")
        return None
    return code


def _route(c: Checker, rules: Rules) -> list[str] | None:
    if not c.has("route"):
        return None
    value = c.body["route"]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        c.bad("route", "type", "route harus daftar tahap, minimal satu.", "route must be a list of at least one phase.",
              known=list(rules.phases))
        return None
    route = [v.strip().lower() for v in value]
    unknown = [p for p in route if p not in rules.phases]
    if unknown or len(set(route)) != len(route):
        c.bad("route", "unknown_phase" if unknown else "repeated", "Ada tahap yang tidak dikenal atau berulang.",
              "A phase is unknown or repeated.", known=list(rules.phases))
        return None
    return route


def _rooms(c: Checker) -> list[str] | None:
    if not c.has("rooms"):
        return None
    value = c.body["rooms"]
    if not isinstance(value, list) or len(value) > ROOMS_MAX or not all(
            isinstance(v, str) and 0 < len(" ".join(v.split())) <= ROOM_MAX for v in value):
        c.bad("rooms", "type", f"rooms harus daftar nama ruang (paling banyak {ROOMS_MAX}).",
              f"rooms must be a list of room names (at most {ROOMS_MAX}).")
        return None
    return list(dict.fromkeys(" ".join(v.split()) for v in value))


def _hours(c: Checker) -> dict[str, str | None] | None:
    if not c.has("hours"):
        return None
    value = c.body["hours"]
    bad = not isinstance(value, dict) or any(k not in WEEKDAYS for k in value)
    out: dict[str, str | None] = {}
    for day in WEEKDAYS:
        window = value.get(day) if isinstance(value, dict) else None
        if window is None:
            out[day] = None
            continue
        parts = window.split("-") if isinstance(window, str) else []
        if len(parts) != 2 or not all(HHMM.match(p.strip()) for p in parts) or parts[1].strip() <= parts[0].strip():
            bad = True
        else:
            out[day] = f"{parts[0].strip()}-{parts[1].strip()}"
    if bad:
        c.bad("hours", "hours", "hours: tiap hari (mon..sun) \"JJ:MM-JJ:MM\" atau null, mis. {\"wed\": \"08:00-12:00\"}.",
              "hours: each day (mon..sun) \"HH:MM-HH:MM\" or null, e.g. {\"wed\": \"08:00-12:00\"}.")
        return None
    return out


def _minutes(c: Checker) -> float | None:
    if not c.has("mean_service_minutes"):
        return None
    value = c.body["mean_service_minutes"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 240:
        c.bad("mean_service_minutes", "range", "mean_service_minutes harus angka 1 sampai 240.",
              "mean_service_minutes must be a number from 1 to 240.")
        return None
    return float(value)


def check_service(body: Any, rules: Rules, *, partial: bool = False) -> dict[str, Any]:
    """The service's fields, cleaned; on create the missing optional ones get their defaults
    (English name = the name, prefix = the code, rooms = [the name], the clinic's hours)."""
    required = () if partial else ("code", "name", "route", "daily_quota")
    known = tuple(f for f in SERVICE_FIELDS if not (partial and f == "code"))
    c = Checker(body, known, required, partial=partial)
    out: dict[str, Any] = {
        "code": _letters(c, "code", CODE, "1-2 huruf besar (mis. \"E\")", "1-2 capital letters (e.g. \"E\")"),
        "name": c.text("name", NAME_MAX), "name_en": c.text("name_en", NAME_MAX),
        "prefix": _letters(c, "prefix", PREFIX, "1-3 huruf besar (awal nomor antrean)",
                           "1-3 capital letters (the start of ticket numbers)"),
        "route": _route(c, rules), "daily_quota": c.integer("daily_quota", 1, QUOTA_MAX), "hours": _hours(c),
        "rooms": _rooms(c), "mean_service_minutes": _minutes(c), "active": c.boolean("active"),
    }
    c.done()
    out = {k: v for k, v in out.items() if v is not None}
    if not partial:
        out.setdefault("name_en", out["name"])
        out.setdefault("prefix", out["code"])
        out.setdefault("rooms", [out["name"]] if "poli" in out["route"] else [])
        out.setdefault("hours", rules.clinic.hours.describe())
        out.setdefault("mean_service_minutes", DEFAULT_MEAN_MINUTES)
        out.setdefault("active", True)
    return out


def parse_hours(hours: dict[str, str | None]) -> OpeningHours:
    windows: dict[str, tuple[dt.time, dt.time] | None] = {}
    for day in WEEKDAYS:
        window = hours.get(day)
        if window:
            start, end = window.split("-")
            windows[day] = (dt.time.fromisoformat(start), dt.time.fromisoformat(end))
        else:
            windows[day] = None
    return OpeningHours(windows)


def service_of(fields: dict[str, Any]) -> Service:
    """A Service of the queue from a row's fields."""
    return Service(code=fields["code"], name=fields["name"], name_en=fields["name_en"], prefix=fields["prefix"],
                   rooms=tuple(fields["rooms"]), mean_service_minutes=float(fields["mean_service_minutes"]),
                   daily_quota=int(fields["daily_quota"]), route=tuple(fields["route"]),
                   hours=parse_hours(fields["hours"]))


def fields_of(svc: Service) -> dict[str, Any]:
    """A row's fields from a Service (config.yaml's, when the database is seeded)."""
    return {"code": svc.code, "name": svc.name, "name_en": svc.name_en, "prefix": svc.prefix, "route": list(svc.route),
            "rooms": list(svc.rooms), "daily_quota": svc.daily_quota, "hours": svc.hours.describe(),
            "mean_service_minutes": svc.mean_service_minutes}
