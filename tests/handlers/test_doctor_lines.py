"""A patient who chose a doctor reads the doctor and the room on the ticket and in /status, and is
told, in their language, who sees them when that doctor goes away."""
import datetime as dt
from types import SimpleNamespace

from handlers.booking_notices import doctor_changed
from handlers.status import describe
from handlers.ticket_notice import ticket_text
from queue_core.clinic_data import ClinicStore
from queue_core.service import QueueService
from tests.queue_core.helpers import outbox

BY = {"via": "test"}


async def test_the_ticket_status_and_move_notice_name_the_doctor_and_room(db, settings, clock, sessionmaker):
    qs = QueueService(db, settings, clock)
    await qs.ensure_channels()
    store = ClinicStore(db, clock, settings)
    ids = {}
    for name, room in (("dr. Sari", "Ruang 2"), ("dr. Budi", "Ruang 1")):
        doctor = await store.create_doctor({"name": name, "services": ["A"]}, BY)
        await store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": clock.now().isoweekday(),
                                     "start": "07:30", "end": "12:00", "room": room}, BY)
        ids[name] = doctor["id"]
    view = await qs.issue(service="A", user_id=5, doctor=ids["dr. Sari"])
    [issued] = await outbox(sessionmaker, "issued")
    assert "Dokter: dr. Sari, Ruang 2" in ticket_text(issued.payload, settings, "id")
    assert "Doctor: dr. Sari, Ruang 2" in ticket_text(issued.payload, settings, "en")
    place = (await qs.chosen_doctors([view.id]))[view.id]
    assert "Dokter: dr. Sari, Ruang 2" in describe(view, "Rina", settings, "id", clock.now(), place)
    anyone = await qs.issue(service="A", user_id=6)
    assert await qs.chosen_doctors([anyone.id]) == {}, "any doctor: no doctor line"

    await store.update_doctor(ids["dr. Sari"], {"active": False}, BY, move_to=ids["dr. Budi"])
    [moved] = await outbox(sessionmaker, "doctor_changed")
    notice = SimpleNamespace(payload=moved.payload)
    assert "Anda sekarang dilayani oleh dr. Budi, Ruang 1. Nomor dan urutan Anda tetap." in \
        doctor_changed(notice, "id", settings).text
    assert "You are now seen by dr. Budi, Ruang 1." in doctor_changed(notice, "en", settings).text
    assert dt.date.fromisoformat(moved.payload["day"]) == clock.now().date()
