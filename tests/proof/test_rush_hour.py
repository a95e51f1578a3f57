"""Quick version of bench/rush_hour.py: a small rush with the bot SIGKILLed twice."""
import argparse

import pytest

from bench.rush_hour import rush
from tests.deadlines import scaled

pytestmark = pytest.mark.slow


async def test_small_rush_with_two_sigkills_loses_nothing(tmp_path):
    args = argparse.Namespace(patients=10, photos=0.0, faq=0.15, staff=6, kills=2, arrival_minutes=0.25,
                              reply_timeout=scaled(15.0), settle_seconds=scaled(60.0), max_minutes=scaled(3.0), seed=5, postgres=None)
    report, problems = await rush(args, tmp_path)
    # every check, "more than one ticket" included: the ticket message is an outbox notice
    # ("issued"), so a kill between the issuing commit and the send no longer loses it
    assert not problems, problems  # tickets, notices, unhandled exceptions, staff errors (bench/rush_hour.py)
    assert report["kills"] == 2 and report["bot_starts"] >= 3
    assert report["missing"] == 0 and report["duplicates"] == 0, report
    assert report["notices_owed"] > 0 and report["notices_delivered"] == report["notices_owed"]
    assert not report["outbox_unsettled"], report["outbox_unsettled"]
