"""config.yaml is validated at start-up with errors that name the key."""
import copy
import datetime as dt

import pytest
import yaml

from settings import DEFAULT_CONFIG_PATH, ConfigError, load_settings, parse_settings

RAW = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))


def parse(mutate=None, env=None):
    raw = copy.deepcopy(RAW)
    if mutate:
        mutate(raw)
    return parse_settings(raw, DEFAULT_CONFIG_PATH, env or {})


def test_shipped_config_loads():
    s = load_settings(env={})
    assert set(s.services) == {"A", "B", "C", "D"}
    assert s.services["A"].route == ("loket", "poli", "apotek")
    assert [c.name for c in s.channels_for("poli", "A")] == ["Ruang 1", "Ruang 2"]
    assert {c.name for c in s.channels_for("loket", "B")} == {"Loket 1", "Loket 2"}
    assert s.conditions["darurat"].level == 0
    assert s.conditions["lansia"].min_age == 60
    assert s.database_url == "sqlite+aiosqlite:///data/pusque.db"
    assert s.telegram_token is None


def test_booking_settings_load_and_default_when_left_out():
    shipped = load_settings(env={}).booking
    assert (shipped.days_ahead, shipped.evening_reminder, shipped.morning_reminder) == (7, dt.time(18), dt.time(6))
    assert shipped.checkin_minutes == 60
    assert parse(lambda r: r.pop("booking")).booking.days_ahead == 7
    changed = parse(env={"PUSQUE_BOOKING__DAYS_AHEAD": "14", "PUSQUE_BOOKING__EVENING_REMINDER": "19:30"}).booking
    assert (changed.days_ahead, changed.evening_reminder) == (14, dt.time(19, 30))


def test_ocr_preload_is_on_unless_switched_off():
    assert load_settings(env={}).ocr_preload is True
    assert parse(lambda r: r["ocr"].pop("preload", None)).ocr_preload is True
    assert parse(lambda r: r["ocr"].update(preload=False)).ocr_preload is False


def test_environment_overrides_database_and_token():
    s = parse(env={"PUSQUE_DATABASE_URL": "postgresql+asyncpg://x@h/db", "TELEGRAM_BOT_TOKEN": "1:a"})
    assert s.database_url == "postgresql+asyncpg://x@h/db"
    assert s.telegram_token == "1:a"


@pytest.mark.parametrize(
    "mutate, key, why",
    [
        (lambda r: r["services"][0].update(code="a"), "services[0].code", "capital letter"),
        (lambda r: r["services"][1].update(prefix="A"), "services[1].prefix", "used twice"),
        (lambda r: r["services"][0].update(route=["loket", "lab"]), "services[0].route[1]", "unknown phase"),
        (lambda r: r["services"][0].update(daily_quota=0), "services[0].daily_quota", "positive"),
        (lambda r: r["services"][0].update(daily_quota="many"), "services[0].daily_quota", "must be int"),
        (lambda r: r["services"][0]["hours"].update(mon="12:00-07:00"), "services[0].hours.mon", "closes before"),
        (lambda r: r["clinic"]["hours"].update(tue="7-12"), "clinic.hours.tue", "07:30-12:00"),
        (lambda r: r["clinic"].update(timezone="Mars/Olympus"), "clinic.timezone", "unknown time zone"),
        (lambda r: r["priority"]["conditions"]["hamil"].update(level=7), "priority.conditions.hamil.level", "0 (highest)"),
        (lambda r: r["priority"]["conditions"].pop("darurat"), "priority.conditions.darurat", "level 0"),
        (lambda r: r["policy"].update(name="random"), "policy.name", "head_start"),
        (lambda r: r["roles"].update(staff=["budi"]), "roles.staff", "user ids"),
        (lambda r: r["phases"]["apotek"].update(channels=[]), "services.A.route", "no channel serves"),
        (lambda r: r["clinic"].pop("phone"), "clinic.phone", "missing"),
        (lambda r: r["ocr"].update(preload="ya"), "ocr.preload", "must be bool"),
        (lambda r: r["booking"].update(days_ahead=-1), "booking.days_ahead", "greater than or equal to 0"),
        (lambda r: r["booking"].update(evening_reminder="jam enam"), "booking.evening_reminder", "time"),
        (lambda r: r["booking"].update(checkin_minutes=0), "booking.checkin_minutes", "must be positive"),
    ],
)
def test_bad_values_name_the_key(mutate, key, why):
    with pytest.raises(ConfigError) as err:
        parse(mutate)
    assert err.value.key == key
    assert why in str(err.value)


def test_opening_hours():
    s = parse()
    umum = s.services["A"].hours
    monday = dt.date(2026, 11, 23)
    assert monday.weekday() == 0
    assert umum.is_open(dt.datetime.combine(monday, dt.time(8, 0)))
    assert not umum.is_open(dt.datetime.combine(monday, dt.time(12, 0)))
    assert not umum.is_open(dt.datetime.combine(monday + dt.timedelta(days=6), dt.time(8, 0)))


def test_demo_roles_apply_only_when_asked_for_local_mode():
    s = parse()
    assert 900002 not in s.staff_ids and 900001 not in s.admin_ids
    local = s.with_local_demo_roles()
    assert 900002 in local.staff_ids and 900001 in local.admin_ids


def test_any_key_can_be_overridden_from_the_environment():
    s = load_settings(env={"PUSQUE_WEB__PORT": "9123", "PUSQUE_OCR__MIN_CONFIDENCE": "0.8"})
    assert s.web_port == 9123 and s.ocr_min_confidence == 0.8
    assert load_settings(env={}).web_port == 8080


def test_a_bad_environment_value_names_its_key():
    with pytest.raises(ConfigError) as err:
        load_settings(env={"PUSQUE_WEB__PORT": "delapan"})
    assert err.value.key == "web.port"


def test_the_error_names_the_file(tmp_path):
    raw = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    raw["clinic"].pop("phone")
    path = tmp_path / "klinik.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert str(err.value).startswith("klinik.yaml: clinic.phone: is missing")


def test_the_queue_core_is_given_the_rules_only():
    import dataclasses

    from queue_core.rules import Rules

    rule_fields = {f.name for f in dataclasses.fields(Rules)}
    assert {"services", "phases", "channels", "policy", "conditions"} <= rule_fields
    assert not rule_fields & {"database_url", "telegram_token", "web_port", "ocr_workers", "faq_corpus"}
    assert isinstance(load_settings(env={}), Rules)
