"""The queue's tables as Core handles, for the statements its operations run in a `Tx`
(storage/tx.py: one transaction of the one `async_sessionmaker`, the same on SQLite and PostgreSQL)."""
from __future__ import annotations

from typing import cast

from sqlalchemy import Table, exc
from sqlalchemy.dialects import postgresql, sqlite

from storage.tx import Tx

from .models import ChannelState, DailyCounter, Outbox, StaffMember, Ticket, Visit

__all__ = ["Tx", "INTEGRITY_ERRORS", "tickets", "visits", "outbox", "channel_states", "daily_counters",
           "staff", "ADD_TO_DAY_COUNTER"]
INTEGRITY_ERRORS = (exc.IntegrityError,)

tickets = cast(Table, Ticket.__table__)
visits = cast(Table, Visit.__table__)
outbox = cast(Table, Outbox.__table__)
channel_states = cast(Table, ChannelState.__table__)
daily_counters = cast(Table, DailyCounter.__table__)
staff = cast(Table, StaffMember.__table__)


def _add_to_day_counter(dialect_insert):
    insert = dialect_insert(daily_counters)
    return insert.on_conflict_do_update(
        index_elements=[daily_counters.c.day, daily_counters.c.service],
        set_={"last_seq": daily_counters.c.last_seq + insert.excluded.last_seq},
    ).returning(daily_counters.c.last_seq, daily_counters.c.returned)


# The day's number counter of a service: `last_seq` (a parameter, with `day` and `service`) added
# to it by an upsert, which also locks the row until the transaction ends. 1 issues the next number;
# 0 only takes the lock. By dialect (PostgreSQL: True).
ADD_TO_DAY_COUNTER = {False: _add_to_day_counter(sqlite.insert), True: _add_to_day_counter(postgresql.insert)}

