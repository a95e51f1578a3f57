"""The counter page's and the kiosk's server side (issue 23): signing in with a /kode code, the
print data with its QR code, the KTP route's refusals, the kiosk's narrow endpoints and their
rate limit, and the staff keyboard in the chat."""
from __future__ import annotations

import datetime as dt
import json
import re

import aiohttp
import pytest

from routes.kiosk_api import LIMIT_BURST
from tests.staff.conftest import ADMIN_ID, audit_rows
from tests.staff.test_counter_api import RINA, call


@pytest.fixture
async def http(clinic):
    async with aiohttp.ClientSession(clinic.web_url) as session:
        yield session


async def code_from_chat(nurse) -> str:
    await nurse.send("/kode")
    text = (await nurse.next_message(contains="Kode masuk"))["text"]
    return re.search(r"Kode masuk halaman loket: (\d{6})", text).group(1)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


async def test_a_kode_code_signs_in_once_and_the_session_ends(clinic, nurse, http, clinic_clock):
    code = await code_from_chat(nurse)
    status, session = await call(http, "POST", "/api/counter/login", json={"code": code})
    assert status == 200 and session["role"] == "staff" and session["name"] == "loket:Perawat Rina (9002)"
    assert session["expires_at"] == "2026-11-23T18:00:00"
    status, who = await call(http, "GET", "/api/counter/session", bearer(session["token"]))
    assert status == 200 and who == {"name": "loket:Perawat Rina (9002)", "role": "staff"}
    status, again = await call(http, "POST", "/api/counter/login", json={"code": code})
    assert status == 401 and again["reason"] == "used"
    status, body = await call(http, "POST", "/api/patients", bearer(session["token"]), json=RINA)
    assert status == 201
    [created] = await audit_rows(clinic.services, "api_patient_create")
    assert created.detail["token"] == "loket:Perawat Rina (9002)"  # the audit names the person
    [login] = await audit_rows(clinic.services, "counter_login")
    assert login.actor_id == nurse.id and login.allowed

    late = await code_from_chat(nurse)
    clinic_clock.now += dt.timedelta(minutes=5, seconds=1)
    status, body = await call(http, "POST", "/api/counter/login", json={"code": late})
    assert status == 401 and body["reason"] == "expired"
    clinic_clock.now += dt.timedelta(hours=10)
    assert (await call(http, "GET", "/api/counter/session", bearer(session["token"])))[0] == 401


async def test_signing_out_ends_the_token_and_a_new_code_voids_the_old(clinic, nurse, http):
    first = await code_from_chat(nurse)
    second = await code_from_chat(nurse)
    status, body = await call(http, "POST", "/api/counter/login", json={"code": first})
    assert status == 401 and body["reason"] == "expired"
    status, session = await call(http, "POST", "/api/counter/login", json={"code": second})
    assert status == 200
    status, body = await call(http, "POST", "/api/counter/logout", bearer(session["token"]))
    assert status == 200 and body == {"signed_out": True}
    assert (await call(http, "GET", "/api/counter/session", bearer(session["token"])))[0] == 401


@pytest.mark.parametrize("body, field", [({"code": "12345"}, "code"), ({"code": 123456}, "code"), ([], "body")])
async def test_a_malformed_code_is_a_400_naming_the_field(clinic, http, body, field):
    status, answer = await call(http, "POST", "/api/counter/login", json=body)
    assert status == 400 and list(answer["fields"]) == [field]


async def test_guessing_codes_is_rate_limited(clinic, nurse, http):
    code = await code_from_chat(nurse)
    wrong = "000000" if code != "000000" else "111111"
    answers: list[int] = []
    while 429 not in answers and len(answers) < 40:  # the bucket refills 1 per 2 s: a slow run may need a few more
        answers.append((await call(http, "POST", "/api/counter/login", json={"code": wrong}))[0])
    assert answers[-1] == 429 and set(answers[:-1]) == {401} and len(answers) > 30
    status, body = await call(http, "POST", "/api/counter/login", json={"code": code})
    assert status == 429  # once limited, even the right code is not looked at


async def test_a_patient_cannot_get_a_code(clinic, http):
    joko = await clinic.user(first_name="Pak Joko")
    await joko.send("/kode")
    assert "hanya untuk petugas" in (await joko.next_message(contains="Maaf"))["text"]


async def test_the_print_data_has_the_number_the_doctor_on_duty_and_a_qr_code(clinic, http):
    q = clinic.services
    token = await q.staff.create_token("loket-pc", "staff", ADMIN_ID)
    admin = await q.staff.create_token("kepala", "admin", ADMIN_ID)
    status, doctor = await call(http, "POST", "/api/doctors", bearer(admin),
                                json={"name": "dr. Sari", "services": ["A"]})
    await call(http, "POST", "/api/schedules", bearer(admin),
               json={"doctor": doctor["id"], "service": "A", "weekday": 1, "start": "07:00", "end": "12:00"})
    view = await q.queue.issue(service="A", user_id=None)
    assert (await call(http, "GET", f"/api/tickets/{view.number}/print"))[0] == 401
    status, data = await call(http, "GET", f"/api/tickets/{view.number}/print", bearer(token))
    assert status == 200
    assert (data["number"], data["service_name"], data["doctors"], data["position"]) == (
        view.number, "Poli Umum", ["dr. Sari"], 1)
    assert data["qr"] == f"PUSQUE:2026-11-23:{view.number}:{view.id}"
    assert data["qr_svg"].startswith("data:image/svg+xml")
    assert (await call(http, "GET", "/api/tickets/Z-999/print", bearer(token)))[0] == 404


async def test_the_ktp_route_needs_a_token_and_a_photo(clinic, http):
    token = await clinic.services.staff.create_token("loket-pc", "staff", ADMIN_ID)
    assert (await call(http, "POST", "/api/ktp", data=b"\xff\xd8"))[0] == 401
    status, body = await call(http, "POST", "/api/ktp", bearer(token), data=b"")
    assert status == 400 and list(body["fields"]) == ["photo"]


async def test_the_kiosk_issues_a_number_by_nik_and_shows_no_data(clinic, http):
    q = clinic.services
    token = await q.staff.create_token("loket-pc", "staff", ADMIN_ID)
    _, rina = await call(http, "POST", "/api/patients", bearer(token), json=RINA)
    status, options = await call(http, "GET", "/api/kiosk/options")
    assert status == 200 and [s["code"] for s in options["services"]] == list(q.settings.services)
    asked = [c["key"] for c in options["conditions"]]
    assert "hamil" in asked and "lansia" not in asked and "balita" not in asked
    status, body = await call(http, "POST", "/api/kiosk/lookup", json={"id": RINA["nik"]})
    assert status == 200 and body == {"name": "R*** W********"}
    status, body = await call(http, "POST", "/api/kiosk/lookup", json={"id": RINA["bpjs"]})
    assert status == 200 and body == {"name": "R*** W********"}
    status, body = await call(http, "POST", "/api/kiosk/lookup", json={"id": "3573056501951005"})
    assert status == 404 and body["error"] == "patient_not_found"
    status, ticket = await call(http, "POST", "/api/kiosk/tickets",
                                json={"id": RINA["nik"], "service": "A", "conditions": ["hamil"]})
    assert status == 201 and ticket["number"] == "A-001" and ticket["level"] == 1 and ticket["position"] == 1
    shown = json.dumps(ticket)
    assert RINA["nik"] not in shown and "WULANDARI" not in shown and "MERPATI" not in shown
    assert (await q.queue.find("A-001")).patient_id == rina["id"]
    status, body = await call(http, "POST", "/api/kiosk/tickets", json={"id": RINA["nik"], "service": "A"})
    assert status == 409 and body["error"] == "already_has_ticket"
    [row, refused] = await audit_rows(q, "kiosk_ticket_issue")
    assert row.target == "A-001" and row.detail["via"] == "kiosk" and refused.detail["error"] == "already_has_ticket"


@pytest.mark.parametrize("body, fields", [
    ({"id": "123"}, ["id", "service"]),
    ({"id": "3573056501951004", "service": "X", "conditions": ["lansia"]}, ["service", "conditions"]),
    ({"id": "3573056501951004", "service": "A", "conditions": "hamil"}, ["conditions"]),
    ({"service": "A"}, ["id"]),
])
async def test_a_bad_kiosk_request_is_a_400_naming_the_field(clinic, http, body, fields):
    status, answer = await call(http, "POST", "/api/kiosk/tickets", json=body)
    assert status == 400 and sorted(answer["fields"]) == sorted(fields)


async def test_the_kiosk_is_rate_limited_per_client(clinic, http):
    answers: list[int] = []
    while 429 not in answers and len(answers) < LIMIT_BURST + 10:  # refills 1 per 3 s while the test runs
        answers.append((await call(http, "POST", "/api/kiosk/lookup", json={"id": "3573056501951004"}))[0])
    assert answers[-1] == 429 and set(answers[:-1]) == {404} and len(answers) > LIMIT_BURST
    async with http.post("/api/kiosk/tickets", json={"id": "3573056501951004", "service": "A"}) as resp:
        assert resp.status == 429 and int(resp.headers["Retry-After"]) >= 1


async def test_staff_get_the_staff_keyboard_and_patients_the_patient_menu(clinic, nurse):
    await nurse.send("/help")
    await nurse.next_message(contains="/kode")
    assert [[b["text"] for b in row] for row in await nurse.keyboard()] == [["/call", "/queue"], ["/kode", "/help"]]
    await nurse.press_reply("/kode")
    await nurse.next_message(contains="Kode masuk")
    joko = await clinic.user(first_name="Pak Joko")
    await joko.send("jam buka?")
    await joko.next_message()
    labels = [b["text"] for row in await joko.keyboard() for b in row]
    assert "/call" not in labels and len(labels) == 4
    await nurse.send("jam buka?")
    await nurse.next_message()
    assert [b["text"] for row in await nurse.keyboard() for b in row] == ["/call", "/queue", "/kode", "/help"]


def test_a_ktp_reading_fills_only_the_sure_fields_of_the_counter_form():
    from routes.ticket_print import form_fields

    result = {"fields": {"nik": "3573056501951004", "nama": "rina  wulandari", "tanggal_lahir": None,
                         "jenis_kelamin": None, "alamat": "JL. MERPATI 3", "rt_rw": "003/005", "kel_desa": "SUMBERSARI",
                         "kecamatan": "LOWOKWARU"},
              "confidence": {"nik": 0.99, "nama": 0.95, "alamat": 0.97, "rt_rw": 0.5, "kel_desa": 0.96,
                             "kecamatan": 0.99},
              "nik_valid": True}
    form, notes = form_fields(result, 0.9)
    assert form == {"nik": "3573056501951004", "name": "RINA WULANDARI", "birth_date": "1995-01-25", "sex": "P",
                    "address": "JL. MERPATI 3, KEL. SUMBERSARI, KEC. LOWOKWARU"}
    assert notes == ["birth_date_from_nik", "sex_from_nik"]
    assert form_fields({"fields": {"nik": None}, "error": "not an image"}, 0.9) == ({}, [])


async def test_a_revoked_member_loses_the_counter_page_at_once(clinic, http):
    from queue_core.counter_login import CounterLogin

    store = clinic.services.staff
    invite = await store.create_invite("staff", ADMIN_ID)
    await store.claim_invite(invite, 7001, "Bidan Ani")
    code, _ = await CounterLogin(clinic.services.db, store.clock).new_code(7001, "Bidan Ani")
    status, session = await call(http, "POST", "/api/counter/login", json={"code": code})
    assert status == 200 and session["name"] == "loket:Bidan Ani (7001)"
    kept = await store.create_token("loket-pc", "staff", 7001)  # a /token token is its admin's to revoke
    assert await store.revoke(7001) == ("staff", "Bidan Ani")
    assert (await call(http, "GET", "/api/counter/session", bearer(session["token"])))[0] == 401
    assert (await call(http, "GET", "/api/counter/session", bearer(kept)))[0] == 200


class ReadsNik:
    """Stands in for the KTP reader: a card whose NIK is `nik` (None: no NIK readable)."""

    def __init__(self, nik: str | None) -> None:
        self.nik = nik

    async def read(self, image: bytes, filename: str = "image", *, today=None) -> dict:
        fields = {"nik": self.nik, "nama": "RINA WULANDARI"}
        return {"fields": fields, "confidence": {k: 0.99 for k in fields}, "nik_valid": self.nik is not None,
                "problems": [], "error": None}


async def test_the_kiosk_finds_a_patient_by_the_nik_on_their_ktp_photo(clinic, http):
    q = clinic.services
    token = await q.staff.create_token("loket-pc", "staff", ADMIN_ID)
    await call(http, "POST", "/api/patients", bearer(token), json=RINA)
    status, body = await call(http, "POST", "/api/kiosk/ktp", data=b"")
    assert status == 400 and list(body["fields"]) == ["photo"]
    q.extras["ktp_reader"] = ReadsNik(RINA["nik"])
    status, body = await call(http, "POST", "/api/kiosk/ktp", data=b"\xff\xd8 a photo")
    assert status == 200 and body == {"id": RINA["nik"], "name": "R*** W********"}
    q.extras["ktp_reader"] = ReadsNik("3573056501951005")
    status, body = await call(http, "POST", "/api/kiosk/ktp", data=b"\xff\xd8 someone else's card")
    assert status == 404 and body["error"] == "patient_not_found"
    q.extras["ktp_reader"] = ReadsNik(None)
    status, body = await call(http, "POST", "/api/kiosk/ktp", data=b"\xff\xd8 a blurred card")
    assert status == 422 and body["error"] == "not_read"
