"""One update's persistence is one transaction: the conversation state and the user_data draft
are saved together or not at all (issue 9: a SIGKILL between two transactions left the
conversation a step ahead of the draft)."""
from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from queue_core.models import BotState
from tests.deadlines import until

from .helpers import start_system


class BotStateTransactions:
    """Watches every ORM transaction of the process: the BotState keys each committed one wrote;
    `fail_next` = n makes the next n transactions that write a BotState row fail before they
    commit, as a crash there would."""

    def __init__(self) -> None:
        self.committed: list[set[str]] = []
        self.fail_next = 0
        self.failed: set[str] = set()

    def before_flush(self, session, flush_context, instances) -> None:
        keys = {o.key for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, BotState)}
        if not keys:
            return
        session.info.setdefault("botstate_keys", set()).update(keys)
        if self.fail_next:
            self.fail_next -= 1
            self.failed |= set(keys)
            raise RuntimeError("simulated crash while saving the conversation")

    def after_commit(self, session) -> None:
        keys = session.info.pop("botstate_keys", None)
        if keys:
            self.committed.append(keys)

    def after_rollback(self, session) -> None:
        session.info.pop("botstate_keys", None)

    def __enter__(self) -> "BotStateTransactions":
        for name in ("before_flush", "after_commit", "after_rollback"):
            event.listen(Session, name, getattr(self, name))
        return self

    def __exit__(self, *exc) -> None:
        for name in ("before_flush", "after_commit", "after_rollback"):
            event.remove(Session, name, getattr(self, name))



@pytest.fixture
def transactions():
    with BotStateTransactions() as watch:
        yield watch


async def stored(db, *keys: str) -> dict:
    async def fn(session):
        rows = {k: await session.get(BotState, k) for k in keys}
        return {k: None if r is None else (r.value, r.updated_at) for k, r in rows.items()}

    return await db.run(fn)


async def _at_the_ktp_prompt(start_pusque, transactions):
    """A patient who sent /daftar, with that first step stored: (system, db, user, conv key, user key)."""
    system = await start_system(start_pusque)
    db = system.application.bot_data["services"].db
    ani = await system.user(first_name="Ani")
    conv, user = f"conv:register:{ani.id},{ani.id}", f"user:{ani.id}"
    await ani.send("/daftar")
    await ani.next_message(contains="foto KTP")
    await until(lambda: any(conv in keys for keys in transactions.committed), what="the first step saved")
    return system, db, ani, conv, user


async def test_a_registration_step_saves_state_and_draft_in_one_transaction(start_pusque, transactions):
    system, db, ani, conv, user = await _at_the_ktp_prompt(start_pusque, transactions)
    before = len(transactions.committed)
    await ani.press("⌨️ Ketik data")
    await ani.next_message(contains="NIK")
    await until(lambda: any(conv in keys for keys in transactions.committed[before:]), what="the step saved")
    step = [keys for keys in transactions.committed[before:] if keys & {conv, user}]
    # stored before the question is sent (bot.persistence.save_step), then by the flush after the
    # update: each time both keys in one transaction
    assert step and all(keys == {conv, user} for keys in step), step
    saved = await stored(db, conv, user)
    assert saved[conv][0] == {"state": "reg_typing"} and saved[user][0]["reg"]["ask"] == "nik"


async def test_a_crash_while_saving_a_step_leaves_neither_state_nor_draft_changed(start_pusque, transactions):
    system, db, ani, conv, user = await _at_the_ktp_prompt(start_pusque, transactions)
    before = await stored(db, conv, user)
    assert before[conv][0] == {"state": "reg_ktp"} and "ask" not in before[user][0]["reg"]
    transactions.fail_next = 2  # the step stored before the question, and the flush after it
    await ani.press("⌨️ Ketik data")
    await ani.next_message(contains="NIK")
    await until(lambda: not transactions.fail_next, what="the failing save")
    bot_data = system.application.bot_data
    await until(lambda: (bot_data.get("unhandled_errors") or {}).get("RuntimeError"), what="the failed save reported")
    assert await stored(db, conv, user) == before  # not one key without the other
    assert transactions.failed & {conv, user}
