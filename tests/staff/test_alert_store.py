"""Who gets an emergency alert first, the settings that choose it, and the alert row's one-winner
updates (queue_core/alerts.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from queue_core.alert_rules import StaffAlerts
from queue_core.alerts import AlertStore, admins, first_recipients
from queue_core.models import StaffMember
from settings import ConfigError, parse_settings


async def _invite(db, user_id: int, role: str, source: str = "invite") -> None:
    async def fn(session):
        session.add(StaffMember(telegram_id=user_id, role=role, name="", source=source, created_at=dt.datetime(2026, 1, 1)))

    await db.run(fn)


async def test_the_group_chat_first_else_the_staff_else_the_admins(db, settings):
    base = dataclasses.replace(settings, staff_ids=frozenset(), admin_ids=frozenset({10}))
    assert await first_recipients(db, base) == [10]  # nobody on staff: the admins
    await _invite(db, 20, "staff")
    await _invite(db, 30, "admin")
    await _invite(db, 40, "staff", source="config")  # a config row left behind: config decides
    assert await first_recipients(db, base) == [20]
    assert await first_recipients(db, dataclasses.replace(base, staff_ids=frozenset({21}))) == [20, 21]
    assert await admins(db, base) == [10, 30]
    grouped = dataclasses.replace(base, staff_alerts=StaffAlerts(chat_id=-100123))
    assert await first_recipients(db, grouped) == [-100123]


def test_staff_alert_settings_are_read_and_checked(settings):
    raw = dict(settings.raw)
    assert parse_settings(raw, settings.path, env={}).staff_alerts == StaffAlerts(None, 2.0)
    raw["staff"] = {"alert_chat_id": -100555, "alert_escalate_minutes": 0.5}
    assert parse_settings(raw, settings.path, env={}).staff_alerts == StaffAlerts(-100555, 0.5)
    raw["staff"] = {"alert_chat_id": "the nurses"}
    with pytest.raises(ConfigError, match="staff.alert_chat_id"):
        parse_settings(raw, settings.path, env={})
    raw["staff"] = {"alert_escalate_minutes": 0}
    with pytest.raises(ConfigError, match="staff.alert_escalate_minutes"):
        parse_settings(raw, settings.path, env={})


async def test_one_press_takes_an_alert_and_a_taken_alert_is_not_escalated(db, clock):
    store = AlertStore(db, clock.now)
    alert = await store.create(user_id=5, source="text", kind="seizure", text="anak kejang", name="Ani", phone=None,
                               registered=False, escalate_after=dt.timedelta(minutes=2))
    assert [a.id for a in await store.pending(dt.timedelta(hours=1))] == [alert.id]
    await store.add_messages(alert.id, [(7, 70, "staff")])
    won, taken = await store.take(alert.id, 7, "Rina")
    assert won and taken.acked_name == "Rina" and taken.messages == ((7, 70, "staff"),)
    won, again = await store.take(alert.id, 8, "Tono")
    assert not won and again.acked_by == 7
    assert await store.mark_escalated(alert.id) is None
    assert await store.pending(dt.timedelta(hours=1)) == []
    other = await store.create(user_id=6, source="ticket", kind="ticket", text="Poli Umum", name="Budi",
                               phone="0812", registered=True, escalate_after=dt.timedelta(minutes=2))
    assert (await store.mark_escalated(other.id)).escalated_at is not None
    assert await store.mark_escalated(other.id) is None  # once
    assert (await store.recent_of(6, dt.timedelta(minutes=10))).id == other.id
