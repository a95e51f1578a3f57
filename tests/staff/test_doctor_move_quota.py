"""Moving a doctor's patients to a doctor whose schedule quota they would pass is refused: the API
answers 409 "doctor_quota_full" with the quota and the counts (audited), /klinik says the same in
chat; "any doctor" still works."""
from __future__ import annotations

import aiohttp

from handlers.admin_clinic_doctors import store as doctor_store
from tests.staff.conftest import ADMIN_ID, audit_rows
from tests.staff.test_admin_clinic_chat import pressed
from tests.staff.test_clinic_waiting import call


async def sari_and_a_full_budi(q) -> tuple[int, int]:
    """dr. Sari with two patients today; dr. Budi (quota 2 on Mondays) with one."""
    clinic_store, by = doctor_store(q), {"via": "test"}
    ids = []
    for name, room, quota in (("dr. Sari", "Ruang 1", None), ("dr. Budi", "Ruang 2", 2)):
        doctor = await clinic_store.create_doctor({"name": name, "services": ["A"]}, by)
        await clinic_store.create_schedule({"doctor": doctor["id"], "service": "A", "weekday": q.clock().isoweekday(),
                                            "start": "07:30", "end": "12:00", "room": room, "quota": quota}, by)
        ids.append(doctor["id"])
    sari, budi = ids
    await q.queue.issue(service="A", user_id=None, doctor=budi)
    for _ in range(2):
        await q.queue.issue(service="A", user_id=None, doctor=sari)
    return sari, budi


async def test_the_api_refuses_a_move_past_the_quota_and_any_doctor_still_works(clinic):
    q = clinic.services
    sari, budi = await sari_and_a_full_budi(q)
    admin = {"Authorization": f"Bearer {await q.staff.create_token('admin-pc', 'admin', ADMIN_ID)}"}
    async with aiohttp.ClientSession(clinic.web_url) as http:
        status, refused = await call(http, "PATCH", f"/api/doctors/{sari}", admin, {"active": False, "move_to": budi})
        assert status == 409 and refused["error"] == "doctor_quota_full"
        assert (refused["quota"], refused["taken"], refused["moving"], refused["doctor"]) == (2, 1, 2, budi)
        assert "Kuota dr. Budi" in refused["message"] and "adalah 2" in refused["message"]
        assert "2 taken" not in refused["message"] and "1 taken" in refused["message"]
        status, done = await call(http, "PATCH", f"/api/doctors/{sari}", admin, {"active": False, "move_to": "any"})
        assert status == 200 and done["moved"] == ["A-002", "A-003"]
    [audited] = [r for r in await audit_rows(q) if not r.allowed and r.detail.get("error") == "doctor_quota_full"]
    assert (audited.action, audited.detail["quota"], audited.detail["count"]) == ("clinic_doctor_update", 2, 2)


async def test_the_chat_names_the_quota_and_the_count(clinic, admin):
    q = clinic.services
    sari, _budi = await sari_and_a_full_budi(q)
    await admin.send("/klinik")
    listing = await pressed(admin, "👩‍⚕️ Dokter", await admin.next_message(contains="Kelola klinik"))
    item = await pressed(admin, "dr. Sari", listing, contains="Ruang 1")
    move = await pressed(admin, "Nonaktifkan (cuti)", item)
    confirm = await pressed(admin, "Pindahkan ke dr. Budi", move, contains="Periksa perubahan")
    done = await pressed(admin, "Ya, simpan", confirm)
    assert done["text"].startswith("Ditolak: kuota dr. Budi pada ") and "adalah 2; sudah terpakai 1, ditambah 2 " \
        "pasien yang dipindah menjadi 3" in done["text"], done["text"]
    assert "Pindahkan ke dokter siapa saja" in done["text"]
    assert (await doctor_store(q).doctors())[0]["active"] is True, "nothing changed"
    assert [await q.queue.doctor_of(v.id) for v in [await q.queue.find(n) for n in ("A-002", "A-003")]] == [sari, sari]
