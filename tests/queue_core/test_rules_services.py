"""The rules with another set of services (queue_core.service_catalog.with_services): the channels serving
every service serve the new set, rooms come and go with their service, a channel naming services
serves them again when they come back."""
from __future__ import annotations

import dataclasses

from queue_core.rules import Channel
from queue_core.service_catalog import with_services
from settings import load_settings


def test_channels_follow_the_services():
    rules = load_settings(env={})
    rules = dataclasses.replace(rules, channels=(*rules.channels, Channel("Kasir", "apotek", frozenset({"A", "B"}))))
    assert [c.name for c in rules.channels_for("poli", "B")] == ["Ruang Gigi"]
    lansia = dataclasses.replace(rules.services["A"], code="E", name="Poli Lansia", prefix="E", rooms=("Ruang Lansia",))
    more = with_services(rules, {**rules.services, "E": lansia})
    assert [c.name for c in more.channels_for("loket", "E")] == ["Loket 1", "Loket 2"]
    assert [c.name for c in more.channels_for("poli", "E")] == ["Ruang Lansia"]
    assert "E" not in rules.services and rules.channels_for("poli", "E") == [], "the old rules are left as they were"

    without_b = with_services(more, {c: s for c, s in more.services.items() if c != "B"})
    assert without_b.channels_for("poli", "B") == [] and "Ruang Gigi" not in [c.name for c in without_b.channels]
    assert without_b.channel("Kasir").services == {"A"}
    assert without_b.channel("Loket 1").services == {"A", "C", "D", "E"}
    back = with_services(without_b, rules.services)
    assert back.channel("Kasir").services == {"A", "B"}, "B serves at the Kasir again"
    assert [c.name for c in back.channels_for("poli", "B")] == ["Ruang Gigi"]
    assert "Ruang Lansia" not in [c.name for c in back.channels]
