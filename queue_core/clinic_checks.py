"""The checks on the clinic data an admin sends (doctors, schedules, closures, counters): each bad
field is named with a code and a message in Indonesian and English. Service codes and phases are
checked against the rules the process runs with now (config.yaml, re-read by /reload)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .rules import Rules

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
NAME_MAX, REASON_MAX, COUNTER_NAME_MAX = 128, 200, 64

DOCTOR_FIELDS = ("name", "services", "active")
SCHEDULE_FIELDS = ("doctor", "service", "weekday", "start", "end", "quota", "room")
CLOSURE_FIELDS = ("date", "service", "reason")
COUNTER_FIELDS = ("name", "phase", "services", "active")


def problem(code: str, message: str, message_en: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "message": message, "message_en": message_en, **extra}


class BadFields(Exception):
    """A request with bad fields: `problems` maps each field to its problem (code, messages)."""

    def __init__(self, problems: dict[str, dict[str, Any]]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


class Checker:
    """Collects every bad field of one body, so one answer names them all."""

    def __init__(self, body: Any, known: tuple[str, ...], required: tuple[str, ...] = (),
                 *, partial: bool = False) -> None:
        self.problems: dict[str, dict[str, Any]] = {}
        self.body: dict[str, Any] = {}
        if not isinstance(body, dict):
            self.problems["body"] = problem("type", "Isi permintaan harus objek JSON.", "The body must be a JSON object.")
            return
        self.body = body
        for key in body:
            if key not in known:
                self.problems[str(key)[:40]] = problem("unknown_field", "Kolom ini tidak dikenal.",
                                                       "Unknown field.", known=list(known))
        for key in required:
            if body.get(key) is None:
                self.problems[key] = problem("missing", f"{key} wajib diisi.", f"{key} is required.")
        if partial and not any(k in known for k in body):
            self.problems["body"] = problem("empty", "Tidak ada kolom yang diubah.", "No field to change.",
                                            known=list(known))

    def has(self, key: str) -> bool:
        return self.body.get(key) is not None and key not in self.problems

    def bad(self, key: str, code: str, message: str, message_en: str, **extra: Any) -> None:
        self.problems.setdefault(key, problem(code, message, message_en, **extra))

    def text(self, key: str, limit: int) -> str | None:
        if not self.has(key):
            return None
        value = self.body[key]
        if not isinstance(value, str):
            self.bad(key, "type", f"{key} harus berupa teks.", f"{key} must be a string.")
            return None
        value = " ".join(value.split())
        if not value:
            self.bad(key, "missing", f"{key} wajib diisi.", f"{key} is required.")
        elif len(value) > limit:
            self.bad(key, "too_long", f"{key} paling panjang {limit} huruf.", f"{key} is at most {limit} characters.")
        return value if key not in self.problems else None

    def service(self, key: str, rules: Rules) -> str | None:
        if not self.has(key):
            return None
        value = self.body[key]
        code = value.strip().upper() if isinstance(value, str) else None
        if code not in rules.services:
            self.bad(key, "unknown_service", "Kode layanan tidak dikenal.", "Unknown service code.",
                     known=sorted(rules.services))
            return None
        return code

    def services(self, key: str, rules: Rules) -> list[str] | None:
        if not self.has(key):
            return None
        value = self.body[key]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.bad(key, "type", f"{key} harus daftar kode layanan, minimal satu.",
                     f"{key} must be a list of at least one service code.")
            return None
        codes = [v.strip().upper() for v in value]
        unknown = [c for c in codes if c not in rules.services]
        if unknown:
            self.bad(key, "unknown_service", "Ada kode layanan yang tidak dikenal.", "Unknown service codes.",
                     unknown=[u[:8] for u in unknown[:5]], known=sorted(rules.services))
            return None
        return list(dict.fromkeys(codes))

    def integer(self, key: str, low: int, high: int) -> int | None:
        if not self.has(key):
            return None
        value = self.body[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(key, "type", f"{key} harus bilangan bulat.", f"{key} must be an integer.")
            return None
        if not low <= value <= high:
            self.bad(key, "range", f"{key} harus antara {low} dan {high}.", f"{key} must be between {low} and {high}.")
            return None
        return value

    def boolean(self, key: str) -> bool | None:
        if not self.has(key):
            return None
        value = self.body[key]
        if not isinstance(value, bool):
            self.bad(key, "type", f"{key} harus true atau false.", f"{key} must be true or false.")
            return None
        return value

    def time(self, key: str) -> str | None:
        if not self.has(key):
            return None
        value = self.body[key]
        if not isinstance(value, str) or not HHMM.match(value):
            self.bad(key, "time", f"{key} harus jam \"JJ:MM\" (mis. \"08:00\").", f"{key} must be \"HH:MM\" (e.g. \"08:00\").")
            return None
        return value

    def date(self, key: str, today: dt.date) -> dt.date | None:
        if not self.has(key):
            return None
        value = self.body[key]
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            day = None
        if day is None:
            self.bad(key, "date", f"{key} harus tanggal \"YYYY-MM-DD\".", f"{key} must be a date \"YYYY-MM-DD\".")
        elif day < today:
            self.bad(key, "date_past", "Tanggal sudah lewat.", "The date is in the past.")
            return None
        return day

    def done(self) -> None:
        if self.problems:
            raise BadFields(self.problems)


def check_doctor(body: Any, rules: Rules, *, partial: bool = False) -> dict[str, Any]:
    """The doctor's fields, cleaned (only those given when `partial`)."""
    c = Checker(body, DOCTOR_FIELDS, () if partial else ("name", "services"), partial=partial)
    out = {"name": c.text("name", NAME_MAX), "services": c.services("services", rules), "active": c.boolean("active")}
    c.done()
    if not partial and out["active"] is None:
        out["active"] = True
    return {k: v for k, v in out.items() if v is not None}


def check_schedule(body: Any, rules: Rules) -> dict[str, Any]:
    c = Checker(body, SCHEDULE_FIELDS, ("doctor", "service", "weekday", "start", "end"))
    start, end, service = c.time("start"), c.time("end"), c.service("service", rules)
    out = {"doctor_id": c.integer("doctor", 1, 2**31 - 1), "service": service,
           "weekday": c.integer("weekday", 1, 7), "start": start, "end": end, "quota": c.integer("quota", 1, 10_000)}
    if start and end and end <= start:
        c.bad("end", "end_before_start", "Jam selesai harus setelah jam mulai.", "end must be after start.")
    out["room"] = schedule_room(c, service, rules)
    c.done()
    return out


def schedule_room(c: Checker, service: str | None, rules: Rules) -> str | None:
    """The room a schedule names: one of its service's poli rooms (matched without regard to case
    and spaces); the service's only room when none is given."""
    rooms = rules.services[service].rooms if service in rules.services else ()
    if not c.has("room"):
        return rooms[0] if len(rooms) == 1 else None
    value = c.body["room"]
    wanted = "".join(value.split()).casefold() if isinstance(value, str) else None
    found = next((r for r in rooms if "".join(r.split()).casefold() == wanted), None)
    if found is None and service is not None:
        c.bad("room", "unknown_room", "Ruang itu bukan ruang layanan ini.", "That room is not a room of this service.",
              known=list(rooms))
    return found


def check_closure(body: Any, rules: Rules, today: dt.date) -> dict[str, Any]:
    c = Checker(body, CLOSURE_FIELDS, ("date", "reason"))
    out = {"date": c.date("date", today), "service": c.service("service", rules), "reason": c.text("reason", REASON_MAX)}
    c.done()
    return out


def check_counter(body: Any, rules: Rules, *, partial: bool = False) -> dict[str, Any]:
    """A counter's fields: `services` a list of service codes, or "*" for every service (also one
    added later)."""
    c = Checker(body, COUNTER_FIELDS, () if partial else ("name", "phase", "services"), partial=partial)
    out: dict[str, Any] = {"name": c.text("name", COUNTER_NAME_MAX), "active": c.boolean("active")}
    if c.has("services") and c.body["services"] == "*":
        out["services"], out["every_service"] = [], True
    else:
        out["services"] = c.services("services", rules)
        out["every_service"] = False if out["services"] is not None else None
    if c.has("phase"):
        phase = c.body["phase"]
        if not isinstance(phase, str) or phase.strip().lower() not in rules.phases:
            c.bad("phase", "unknown_phase", "Tahap tidak dikenal.", "Unknown phase.", known=list(rules.phases))
        else:
            out["phase"] = phase.strip().lower()
    c.done()
    return {k: v for k, v in out.items() if v is not None}
