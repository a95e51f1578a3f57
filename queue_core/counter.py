"""Patients registered at the counter, for the web API (issue 22): create, search, correct.

Many patients have no Telegram. Their records belong to the reserved account `WALK_IN_OWNER`
(0: Telegram user ids are positive), a `users` row that is inactive, so it receives no notice and
no broadcast. The (owner_id, nik) unique constraint then keeps one walk-in record per NIK. A
record registered in the chat can be found and used at the counter too: its tickets reach the
owner's chat.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Callable

from sqlalchemy import func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database

from .models import Patient, User
from .privacy import mask_nik

WALK_IN_OWNER = 0
FIELDS = ("nik", "name", "birth_date", "sex", "address", "phone", "bpjs")
SEARCH_LIMIT = 20
MIN_QUERY = 3


class NikTaken(Exception):
    """The NIK is registered already: `patient_id` is that record."""

    def __init__(self, patient_id: int | None) -> None:
        super().__init__(patient_id)
        self.patient_id = patient_id


@dataclasses.dataclass(frozen=True)
class PatientRecord:
    id: int
    nik: str | None
    name: str
    birth_date: dt.date | None
    sex: str | None
    address: str | None
    phone: str | None
    bpjs: str | None
    owner_id: int

    @classmethod
    def of(cls, row: Patient) -> "PatientRecord":
        return cls(row.id, row.nik, row.name, row.birth_date, row.sex, row.address, row.phone, row.bpjs, row.owner_id)

    @property
    def chat_id(self) -> int | None:
        """Who is told about this patient's tickets: the owner's chat, nobody for a walk-in."""
        return None if self.owner_id == WALK_IN_OWNER else self.owner_id

    def as_json(self, *, masked: bool = False) -> dict:
        return {"id": self.id, "nik": mask_nik(self.nik) if masked else self.nik, "name": self.name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None, "sex": self.sex,
                "address": self.address, "phone": self.phone, "bpjs": self.bpjs, "telegram": self.chat_id is not None}


def _row_values(fields: dict) -> dict:
    values = {k: v for k, v in fields.items() if k in FIELDS}
    if isinstance(values.get("birth_date"), str):
        values["birth_date"] = dt.date.fromisoformat(values["birth_date"])
    return values


class CounterPatients:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime]) -> None:
        self.db = db
        self.clock = clock

    async def _ensure_walk_in_owner(self, session: AsyncSession, now: dt.datetime) -> None:
        pg = (await session.connection()).dialect.name == "postgresql"
        insert = (postgresql.insert if pg else sqlite.insert)(User).values(
            telegram_id=WALK_IN_OWNER, chat_id=WALK_IN_OWNER, first_name="(loket)", lang="id", active=False,
            created_at=now)
        await session.execute(insert.on_conflict_do_nothing(index_elements=["telegram_id"]))

    async def find_nik(self, nik: str) -> int | None:
        """The record holding this NIK (the oldest, when several accounts registered it)."""
        async def fn(session: AsyncSession) -> int | None:
            return await session.scalar(select(Patient.id).where(Patient.nik == nik).order_by(Patient.id).limit(1))

        return await self.db.run(fn)

    async def create(self, fields: dict) -> PatientRecord:
        """A walk-in record from checked fields (`FIELDS`); NikTaken when the NIK is registered."""
        now = self.clock()

        async def fn(session: AsyncSession) -> PatientRecord:
            existing = await session.scalar(
                select(Patient.id).where(Patient.nik == fields["nik"]).order_by(Patient.id).limit(1))
            if existing is not None:
                raise NikTaken(existing)
            await self._ensure_walk_in_owner(session, now)
            row = Patient(owner_id=WALK_IN_OWNER, relation="self", created_at=now, **_row_values(fields))
            session.add(row)
            await session.flush()
            return PatientRecord.of(row)

        try:
            return await self.db.run(fn)
        except IntegrityError:  # the same NIK registered by a concurrent request
            raise NikTaken(await self.find_nik(fields["nik"])) from None

    async def get(self, patient_id: int) -> PatientRecord | None:
        async def fn(session: AsyncSession) -> PatientRecord | None:
            row = await session.get(Patient, patient_id)
            return None if row is None else PatientRecord.of(row)

        return await self.db.run(fn)

    async def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[PatientRecord]:
        """By NIK, BPJS number or phone (all digits, exact), else by a part of the name.
        ValueError when the query is shorter than MIN_QUERY characters."""
        text = " ".join(query.split())
        digits = re.sub(r"[\s.\-()]", "", text)
        if len(text) < MIN_QUERY:
            raise ValueError("query too short")
        if re.fullmatch(r"\+?\d+", digits):
            phone = re.sub(r"^\+?62", "0", digits)
            digits = digits.lstrip("+")
            where = or_(Patient.nik == digits, Patient.bpjs == digits, Patient.phone == phone)
        else:
            where = func.upper(Patient.name).contains(text.upper(), autoescape=True)

        async def fn(session: AsyncSession) -> list[PatientRecord]:
            rows = await session.scalars(select(Patient).where(where).order_by(Patient.name, Patient.id).limit(limit))
            return [PatientRecord.of(r) for r in rows]

        return await self.db.run(fn)

    async def update(self, patient_id: int, changes: dict) -> tuple[PatientRecord, PatientRecord] | None:
        """Apply checked changes; (before, after), None when there is no such patient. NikTaken when
        the new NIK is another record's."""
        async def fn(session: AsyncSession) -> tuple[PatientRecord, PatientRecord] | None:
            row = await session.get(Patient, patient_id, with_for_update=True)
            if row is None:
                return None
            before = PatientRecord.of(row)
            if changes.get("nik") and changes["nik"] != row.nik:
                other = await session.scalar(select(Patient.id).order_by(Patient.id).limit(1)
                                             .where(Patient.nik == changes["nik"], Patient.id != row.id))
                if other is not None:
                    raise NikTaken(other)
            for key, value in _row_values(changes).items():
                setattr(row, key, value)
            await session.flush()
            return before, PatientRecord.of(row)

        try:
            return await self.db.run(fn)
        except IntegrityError:
            raise NikTaken(await self.find_nik(changes["nik"])) from None
