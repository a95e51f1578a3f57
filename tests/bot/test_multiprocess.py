"""The bot and two web workers on one PostgreSQL database, staff calling from all three at once:
every ticket called exactly once, a channel shared by all three processes never holds two
patients (the others get 409 channel_busy), throughput reported. bench/multiprocess.py is the
full-size run (docs/benchmarks.md "Several processes on PostgreSQL")."""
import pytest

from bench.multiprocess import report, run

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


async def test_bot_and_two_workers_never_call_a_patient_twice(pg_database, tmp_path):
    # pg_database only proves PostgreSQL is there (skip locally, fail in CI); the run makes its own database.
    r = await run(tickets=200, settle=2.0, tmp=tmp_path)
    print(report(r))
    assert r["errors"] == []
    assert r["twice"] == [] and r["outbox_called_twice"] == [], "a patient was called twice"
    assert r["missing"] == [] and r["called"] == r["distinct"] == 200
    assert r["outbox_called"] == 200
    assert all(n > 0 for n in r["by_process"]), "some process never called anybody"
    assert sum(r["shared_by_process"]) > 0
    assert r["alive"] == r["processes"], "a process died during the run"
