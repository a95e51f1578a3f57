"""The clinic's data in the database (issue 21): doctors, their weekly schedules, closures and
counters, edited by admins through the web API and the chat (queue_core/clinic_data.py,
queue_core/counter_catalog.py). Service codes are checked when a row is written."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, String, false, true
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class Doctor(Base):
    __tablename__ = "doctors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)  # service codes
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class DoctorSchedule(Base):
    """A doctor's weekly practice hours for one service (weekday 1 = Monday ... 7 = Sunday, ISO)."""

    __tablename__ = "doctor_schedules"
    id: Mapped[int] = mapped_column(primary_key=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctors.id"), index=True)
    service: Mapped[str] = mapped_column(String(4))
    weekday: Mapped[int]
    start: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    end: Mapped[str] = mapped_column(String(5))
    quota: Mapped[int | None]
    # the poli room (a channel of the service) where the doctor practises; null: the service's only
    # room, or no room in particular (queue_core/doctor_rooms.py)
    room: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]


class ClinicClosure(Base):
    """A day one service (or, with service null, the whole clinic) gives out no numbers."""

    __tablename__ = "clinic_closures"
    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(index=True)
    service: Mapped[str | None] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime]


class ClinicCounter(Base):
    """A counter or room serving one phase (queue_core/counter_catalog.py): the queue's channels
    besides the services' own rooms; seeded once from config.yaml, then the database wins."""

    __tablename__ = "clinic_counters"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    phase: Mapped[str] = mapped_column(String(16))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    every_service: Mapped[bool] = mapped_column(default=False, server_default=false())  # "*"
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
