"""Database tables. Schema changes go through Alembic (migrations/), never create_all in production."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ACTIVE_TICKET = "status NOT IN ('done', 'cancelled')"


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, int: Integer}


class User(Base):
    """A Telegram account that talks to the bot (a patient, a parent, a nurse...)."""

    __tablename__ = "users"
    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    lang: Mapped[str] = mapped_column(String(2), default="id")
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once they block the bot
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Patient(Base):
    """A person who can hold tickets; several may belong to one Telegram account (family)."""

    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.telegram_id"), index=True)
    relation: Mapped[str] = mapped_column(String(16), default="self")  # self | anak | keluarga
    name: Mapped[str] = mapped_column(String(128))
    nik: Mapped[str | None] = mapped_column(String(16))
    no_kk: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))  # L | P
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    bpjs: Mapped[str | None] = mapped_column(String(13))
    trip_minutes: Mapped[int | None] = mapped_column(Integer)  # home to clinic, said in chat; NULL: the default
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("owner_id", "nik", name="uq_patient_owner_nik"),)


class DailyCounter(Base):
    """Last ticket sequence issued per service per clinic day; bumped in the issuing transaction."""

    __tablename__ = "daily_counters"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    service: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Cancelled tickets: their places go back to the daily quota (numbers are never reused).
    returned: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    service: Mapped[str] = mapped_column(String(4))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    # Null once the patient deletes their data: the ticket stays, anonymised.
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # who gets notifications
    level: Mapped[int] = mapped_column(Integer)
    conditions: Mapped[str] = mapped_column(String(128), default="")  # keys joined by "+"
    age: Mapped[int | None] = mapped_column(Integer)
    route: Mapped[str] = mapped_column(String(64))  # phases joined by ","
    status: Mapped[str] = mapped_column(String(16))  # waiting|called|serving|skipped|done|cancelled
    phase: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    cancel_reason: Mapped[str | None] = mapped_column(String(32))
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # present at the clinic (counter, kiosk)
    # "time to leave now" (queue_core/leave.py): the "come at" it last told, and how many were sent
    leave_told_for: Mapped[dt.datetime | None] = mapped_column(DateTime)
    leave_sends: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Booking ahead (queue_core/booking.py): the doctor chosen (null: any doctor), when each
    # reminder was written to the outbox, and when a booked patient missed the check-in window.
    doctor_id: Mapped[int | None] = mapped_column(Integer)
    reminded_evening_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reminded_morning_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    missed_checkin_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("day", "number", name="uq_ticket_day_number"),
        UniqueConstraint("day", "service", "seq", name="uq_ticket_day_service_seq"),
        Index("ix_ticket_phase", "day", "phase", "status", "service", "level"),
        Index("ix_ticket_booked", "status", "day"),
        Index("ix_ticket_doctor", "doctor_id", "day"),
        # One active ticket per person per service per day, even when buttons are tapped twice.
        Index(
            "uq_ticket_active_per_patient_day",
            "patient_id",
            "service",
            "day",
            unique=True,
            sqlite_where=text(ACTIVE_TICKET),
            postgresql_where=text(ACTIVE_TICKET),
        ),
    )


class Visit(Base):
    """One ticket's stay in one phase queue, with every timestamp (history.md, Mobile JKN task ids)."""

    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16))  # waiting|called|serving|done|skipped|cancelled
    channel: Mapped[str | None] = mapped_column(String(64))
    rank: Mapped[int] = mapped_column(Integer)
    effective_at: Mapped[dt.datetime] = mapped_column(DateTime)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    called_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    skipped_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    turn_near_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        Index("ix_visit_queue", "phase", "status", "rank", "effective_at", "entered_at", "id", "service"),
        Index("ix_visit_channel", "channel", "status"),
        Index("ix_visit_channel_called", "channel", "called_at"),
        Index("ix_visit_phase_finished", "phase", "finished_at"),
        Index("ix_visit_finished", "phase", "service", "finished_at"),
    )


class ChannelState(Base):
    __tablename__ = "channel_states"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Outbox(Base):
    """A message owed to someone, written in the same transaction as the change that owes it."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    lane: Mapped[str] = mapped_column(String(8), default="urgent")  # urgent | bulk
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|sending|sent|failed|blocked
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    error: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    broadcast_id: Mapped[int | None] = mapped_column(Integer, index=True)
    __table_args__ = (Index("ix_outbox_due", "status", "lane", "next_attempt_at", "id"),)


class StaffMember(Base):
    __tablename__ = "staff"
    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(String(8))  # staff | admin
    name: Mapped[str] = mapped_column(String(128), default="")
    channel: Mapped[str | None] = mapped_column(String(64))  # remembered for /call
    source: Mapped[str] = mapped_column(String(8), default="invite")  # config | invite
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class InviteCode(Base):
    __tablename__ = "invite_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    target: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FaqUnanswered(Base):
    __tablename__ = "faq_unanswered"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    question: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None]
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)


class Broadcast(Base):
    __tablename__ = "broadcasts"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    audience: Mapped[str] = mapped_column(String(32))  # all | today | service:A
    status: Mapped[str] = mapped_column(String(12))  # draft|queued|done|cancelled
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class BotState(Base):
    """Conversation and per-user state kept across bot restarts (PTB persistence)."""

    __tablename__ = "bot_state"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ApiToken(Base):
    """A bearer token for the web API (staff actions, personal data); only its SHA-256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(8))  # staff | admin
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # a counter page session's end; null: never


class LoginCode(Base):
    """A one-time code the bot gave a staff member in the chat (/kode) to sign in on the counter
    page; only its SHA-256 is kept, it works once and only until `expires_at`."""

    __tablename__ = "login_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EmergencyAlert(Base):
    """An emergency a patient reported to the bot (free text or the "gawat darurat" tick), the
    staff messages that carry its "Saya tangani" button, and who took it. Kept so that an
    escalation to the admins survives a restart (handlers/emergency.py re-arms it)."""

    __tablename__ = "emergency_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[int] = mapped_column(BigInteger)  # the patient's Telegram account
    source: Mapped[str] = mapped_column(String(8))  # text | ticket
    kind: Mapped[str] = mapped_column(String(64))  # nlp.emergency.KINDS found, joined by ","; "unknown" (the model alone); or "ticket"
    text: Mapped[str] = mapped_column(Text)  # what the patient wrote (or the service ticked for)
    name: Mapped[str] = mapped_column(String(160))
    phone: Mapped[str | None] = mapped_column(String(20))
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    escalate_at: Mapped[dt.datetime] = mapped_column(DateTime)
    escalated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acked_by: Mapped[int | None] = mapped_column(BigInteger)
    acked_name: Mapped[str | None] = mapped_column(String(128))
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # [[chat_id, message_id, "staff" | "admin"], ...]: the messages with the button
    messages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    __table_args__ = (Index("ix_emergency_user", "user_id", "created_at"),
                      Index("ix_emergency_open", "acked_at", "escalated_at"))
# ---------------------------------------------------------------------- clinic data (issue 21)
# Edited by admins through the web API (routes/clinic_api.py, queue_core/clinic_data.py). Service
# codes are the ones of config.yaml, checked when a row is written.


class Doctor(Base):
    __tablename__ = "doctors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)  # service codes
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DoctorSchedule(Base):
    """A doctor's weekly practice hours for one service (weekday 1 = Monday ... 7 = Sunday, ISO)."""

    __tablename__ = "doctor_schedules"
    id: Mapped[int] = mapped_column(primary_key=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctors.id"), index=True)
    service: Mapped[str] = mapped_column(String(4))
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    end: Mapped[str] = mapped_column(String(5))
    quota: Mapped[int | None] = mapped_column(Integer)
    # the poli room (a channel of the service) where the doctor practises; null: the service's only
    # room, or no room in particular (queue_core/doctor_rooms.py)
    room: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClinicClosure(Base):
    """A day one service (or, with service null, the whole clinic) gives out no numbers."""

    __tablename__ = "clinic_closures"
    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    service: Mapped[str | None] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClinicCounter(Base):
    """A counter or room serving one phase (queue_core/counter_catalog.py): the queue's channels
    besides the services' own rooms; seeded once from config.yaml, then the database wins."""

    __tablename__ = "clinic_counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    phase: Mapped[str] = mapped_column(String(16))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    every_service: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # "*"
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ClinicService(Base):
    """A service (poli) as the admin keeps it (queue_core/service_catalog.py); seeded once from
    config.yaml, then the database wins. Only active services take numbers."""

    __tablename__ = "clinic_services"
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    name_en: Mapped[str] = mapped_column(String(128))
    prefix: Mapped[str] = mapped_column(String(4), unique=True)
    route: Mapped[list[str]] = mapped_column(JSON)
    rooms: Mapped[list[str]] = mapped_column(JSON)
    daily_quota: Mapped[int] = mapped_column(Integer)
    hours: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"mon": "07:30-12:00", "sun": None, ...}
    mean_service_minutes: Mapped[float] = mapped_column(Float)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer)  # the order of the ticket menu
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
