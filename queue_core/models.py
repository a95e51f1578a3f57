"""Database tables. Schema changes go through Alembic (migrations/), never create_all in production."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
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
    active: Mapped[bool] = mapped_column(default=True)  # False once they block the bot
    created_at: Mapped[dt.datetime]


class Patient(Base):
    """A person who can hold tickets; several may belong to one Telegram account (family)."""

    __tablename__ = "patients"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.telegram_id"), index=True)
    relation: Mapped[str] = mapped_column(String(16), default="self")  # self | anak | keluarga
    name: Mapped[str] = mapped_column(String(128))
    nik: Mapped[str | None] = mapped_column(String(16))
    no_kk: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[dt.date | None]
    sex: Mapped[str | None] = mapped_column(String(1))  # L | P
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    bpjs: Mapped[str | None] = mapped_column(String(13))
    trip_minutes: Mapped[int | None]  # home to clinic, said in chat; NULL: the default
    created_at: Mapped[dt.datetime]
    __table_args__ = (UniqueConstraint("owner_id", "nik", name="uq_patient_owner_nik"),)


class DailyCounter(Base):
    """Last ticket sequence issued per service per clinic day; bumped in the issuing transaction."""

    __tablename__ = "daily_counters"
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    service: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)
    # Cancelled tickets: their places go back to the daily quota (numbers are never reused).
    returned: Mapped[int] = mapped_column(default=0, server_default="0")


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date]
    service: Mapped[str] = mapped_column(String(4))
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(String(16))
    # Null once the patient deletes their data: the ticket stays, anonymised.
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # who gets notifications
    level: Mapped[int]
    conditions: Mapped[str] = mapped_column(String(128), default="")  # keys joined by "+"
    age: Mapped[int | None]
    route: Mapped[str] = mapped_column(String(64))  # phases joined by ","
    status: Mapped[str] = mapped_column(String(16))  # waiting|called|serving|skipped|done|cancelled
    phase: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    cancel_reason: Mapped[str | None] = mapped_column(String(32))
    checked_in_at: Mapped[dt.datetime | None]  # present at the clinic (counter, kiosk)
    # "time to leave now" (queue_core/leave.py): the "come at" it last told, and how many were sent
    leave_told_for: Mapped[dt.datetime | None]
    leave_sends: Mapped[int] = mapped_column(default=0, server_default="0")
    # Booking ahead (queue_core/booking.py): the doctor chosen (null: any doctor), when each
    # reminder was written to the outbox, and when a booked patient missed the check-in window.
    doctor_id: Mapped[int | None]
    reminded_evening_at: Mapped[dt.datetime | None]
    reminded_morning_at: Mapped[dt.datetime | None]
    missed_checkin_at: Mapped[dt.datetime | None]
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
    """One ticket's stay in one phase queue, with every timestamp (history.md)."""

    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16))  # waiting|called|serving|done|skipped|cancelled
    channel: Mapped[str | None] = mapped_column(String(64))
    rank: Mapped[int]
    effective_at: Mapped[dt.datetime]
    entered_at: Mapped[dt.datetime]
    called_at: Mapped[dt.datetime | None]
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    skipped_at: Mapped[dt.datetime | None]
    cancelled_at: Mapped[dt.datetime | None]
    recalls: Mapped[int] = mapped_column(default=0)
    turn_near_sent: Mapped[bool] = mapped_column(default=False)
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
    paused: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[dt.datetime]


class Outbox(Base):
    """A message owed to someone, written in the same transaction as the change that owes it."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime]
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    lane: Mapped[str] = mapped_column(String(8), default="urgent")  # urgent | bulk
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending|sending|sent|failed|blocked
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime]
    sent_at: Mapped[dt.datetime | None]
    error: Mapped[str | None] = mapped_column(Text)
    ticket_id: Mapped[int | None]
    broadcast_id: Mapped[int | None] = mapped_column(index=True)
    __table_args__ = (Index("ix_outbox_due", "status", "lane", "next_attempt_at", "id"),)


class StaffMember(Base):
    __tablename__ = "staff"
    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(String(8))  # staff | admin
    name: Mapped[str] = mapped_column(String(128), default="")
    channel: Mapped[str | None] = mapped_column(String(64))  # remembered for /call
    source: Mapped[str] = mapped_column(String(8), default="invite")  # config | invite
    created_at: Mapped[dt.datetime]


class InviteCode(Base):
    __tablename__ = "invite_codes"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)
    claimed_at: Mapped[dt.datetime | None]


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(32))
    allowed: Mapped[bool] = mapped_column(default=True)
    target: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class FaqUnanswered(Base):
    __tablename__ = "faq_unanswered"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    question: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None]
    reviewed: Mapped[bool] = mapped_column(default=False)


class Broadcast(Base):
    __tablename__ = "broadcasts"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime]
    text: Mapped[str] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    audience: Mapped[str] = mapped_column(String(32))  # all | today | service:A
    status: Mapped[str] = mapped_column(String(12))  # draft|queued|done|cancelled
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(default=0)
    finished_at: Mapped[dt.datetime | None]


class BotState(Base):
    """Conversation and per-user state kept across bot restarts (PTB persistence)."""

    __tablename__ = "bot_state"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]


class ApiToken(Base):
    """A bearer token for the web API (staff actions, personal data); only its SHA-256 is kept."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(8))  # staff | admin
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]
    expires_at: Mapped[dt.datetime | None]  # a counter page session's end; null: never
