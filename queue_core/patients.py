"""Users (Telegram accounts) and the patients they registered. Personal data rules (domain.md,
UU 27/2022): a patient can see everything stored about them and delete it; their past tickets
then stay only anonymised (patient_id and user_id NULL)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Callable, cast

from sqlalchemy import delete, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .clock import CallableClock, Store, transaction
from .models import BotState, FaqUnanswered, Outbox, Patient, Ticket, User


class DuplicatePatient(Exception):
    """This account already registered someone with this NIK."""

    code = "duplicate_patient"


@dataclass(frozen=True)
class PatientData:
    """A patient as the bot shows it (a detached copy of the row)."""

    id: int
    owner_id: int
    relation: str
    name: str
    nik: str | None
    no_kk: str | None
    birth_date: dt.date | None
    sex: str | None
    address: str | None
    phone: str | None
    bpjs: str | None

    @classmethod
    def of(cls, row: Patient) -> "PatientData":
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class UserData:
    telegram_id: int
    chat_id: int
    first_name: str
    lang: str
    active: bool


@dataclass(frozen=True)
class ErasureReport:
    patients: int
    tickets_anonymised: int
    notices_dropped: int


class PatientRepository(Store):
    def __init__(self, db: Database, clock: Callable[[], dt.datetime]) -> None:
        super().__init__(db, CallableClock(clock))

    @transaction
    async def touch_user(self, session: AsyncSession, now: dt.datetime,
                         telegram_id: int, chat_id: int, first_name: str = "", lang: str = "id") -> UserData:
        """Create the account row on first contact (in `lang`, the language the person's Telegram app
        uses, until they choose); mark it active again (it wrote to us)."""
        user = await session.get(User, telegram_id)
        if user is None:
            user = User(telegram_id=telegram_id, chat_id=chat_id, first_name=first_name[:128],
                        lang=lang if lang in ("id", "en") else "id", active=True, created_at=now)
            session.add(user)
        else:
            user.chat_id, user.active = chat_id, True
            if first_name:
                user.first_name = first_name[:128]
        return UserData(user.telegram_id, user.chat_id, user.first_name, user.lang, user.active)

    @transaction
    async def get_user(self, session: AsyncSession, now: dt.datetime, telegram_id: int) -> UserData | None:
        user = await session.get(User, telegram_id)
        return None if user is None else UserData(
            user.telegram_id, user.chat_id, user.first_name, user.lang, user.active)

    @transaction
    async def set_lang(self, session: AsyncSession, now: dt.datetime, telegram_id: int, lang: str) -> None:
        if lang not in ("id", "en"):
            raise ValueError(f"unknown language {lang!r}")
        await session.execute(update(User).where(User.telegram_id == telegram_id).values(lang=lang))

    @transaction
    async def patients_of(self, session: AsyncSession, now: dt.datetime, owner_id: int) -> list[PatientData]:
        rows = await session.scalars(select(Patient).where(Patient.owner_id == owner_id).order_by(Patient.id))
        return [PatientData.of(r) for r in rows]

    @transaction
    async def get(self, session: AsyncSession, now: dt.datetime, owner_id: int, patient_id: int) -> PatientData | None:
        """One patient of this account (None if it is not theirs or no longer exists)."""
        row = await session.get(Patient, patient_id)
        return PatientData.of(row) if row is not None and row.owner_id == owner_id else None

    @transaction
    async def add(self, session: AsyncSession, now: dt.datetime, owner_id: int, *, relation: str, name: str,
              nik: str | None = None, no_kk: str | None = None, birth_date: dt.date | None = None,
              sex: str | None = None, address: str | None = None, phone: str | None = None,
              bpjs: str | None = None) -> PatientData:
        """Save a patient; registering the same NIK again updates that patient instead."""
        row = None
        if nik:
            row = await session.scalar(select(Patient).where(Patient.owner_id == owner_id, Patient.nik == nik))
        elif relation == "self":
            row = await session.scalar(select(Patient).where(Patient.owner_id == owner_id, Patient.relation == "self"))
        if row is None:
            row = Patient(owner_id=owner_id, created_at=now)
            session.add(row)
        row.relation, row.name, row.nik, row.no_kk = relation, name, nik, no_kk
        row.birth_date, row.sex, row.address, row.phone, row.bpjs = birth_date, sex, address, phone, bpjs
        try:
            await session.flush()
        except IntegrityError:
            raise DuplicatePatient() from None
        return PatientData.of(row)

    @transaction
    async def erase_account(self, session: AsyncSession, now: dt.datetime, owner_id: int) -> ErasureReport:
        """Delete everything stored about this account and its patients.

        Tickets stay for the clinic's statistics, anonymised: no patient, no Telegram id.
        Pending notices to this chat are dropped; the conversation state is deleted.
        """
        ids = list(await session.scalars(select(Patient.id).where(Patient.owner_id == owner_id)))
        cond = Ticket.user_id == owner_id
        if ids:
            cond = cond | Ticket.patient_id.in_(ids)
        anonymised = cast(CursorResult, await session.execute(
            update(Ticket).where(cond).values(patient_id=None, user_id=None))).rowcount
        dropped = cast(CursorResult, await session.execute(
            delete(Outbox).where(Outbox.chat_id == owner_id, Outbox.status.in_(("pending", "failed"))))).rowcount
        await session.execute(delete(Patient).where(Patient.owner_id == owner_id))
        await session.execute(update(FaqUnanswered).where(FaqUnanswered.user_id == owner_id).values(user_id=None))
        await session.execute(delete(BotState).where(BotState.key == f"user:{owner_id}"))  # bot/persistence.py
        await session.execute(delete(User).where(User.telegram_id == owner_id))
        return ErasureReport(len(ids), anonymised or 0, dropped or 0)

    @transaction
    async def record_unanswered(self, session: AsyncSession, now: dt.datetime,
                                user_id: int | None, question: str, score: float | None) -> None:
        session.add(FaqUnanswered(at=now, user_id=user_id, question=question[:2000], score=score, reviewed=False))
