"""Fixtures for the staff/admin tools: a running PusQue with an admin, a staff member and a
clinic clock fixed on a Monday morning (the tests move it)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.services import Services, services_of
from queue_core.models import AuditLog, User
from tests.e2e.harness import *  # noqa: F401,F403
from tests.handlers.helpers import FAST

ADMIN_ID, STAFF_ID = 9001, 9002
MONDAY_8AM = dt.datetime(2026, 11, 23, 8, 0)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clinic_clock() -> Clock:
    return Clock(MONDAY_8AM)


@pytest.fixture
async def clinic(start_pusque, clinic_clock):
    async def factory(settings):
        return await Services.create(settings, clock=clinic_clock)

    # FAST: ~20 messages/s a chat instead of Telegram's ~1 (the admin's and the nurse's chats get
    # many replies in a row); pacing is tested at the real limit in tests/e2e/test_bot_loop.py
    system = await start_pusque(admin_ids=[ADMIN_ID], staff_ids=[STAFF_ID], services_factory=factory,
                                botapi_options=FAST)
    system.services = services_of(system.application)
    return system


@pytest.fixture
async def admin(clinic):
    return await clinic.user(ADMIN_ID, "Dr. Sari", role_hint="admin")


@pytest.fixture
async def nurse(clinic):
    return await clinic.user(STAFF_ID, "Perawat Rina", role_hint="staff")


async def add_patient_user(services, user_id: int, name: str = "p") -> None:
    async def fn(session):
        if await session.get(User, user_id) is None:
            session.add(User(telegram_id=user_id, chat_id=user_id, first_name=name, created_at=services.clock()))

    await services.db.run(fn)


async def audit_rows(services, action: str | None = None) -> list[AuditLog]:
    async def fn(session):
        stmt = select(AuditLog).order_by(AuditLog.id)
        if action:
            stmt = stmt.where(AuditLog.action == action)
        return list(await session.scalars(stmt))

    return await services.db.run(fn)
