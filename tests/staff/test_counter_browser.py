"""The counter page and the kiosk in a real browser (Playwright driving Debian's Chromium) against
the running system: staff sign in with a /kode code, register a walk-in, issue and print a
number that the board shows and calls; check-in and cancel of a Telegram patient's ticket; the
kiosk gives a number by NIK."""
from __future__ import annotations

import datetime as dt

from queue_core.counter import CounterPatients
from queue_core.models import Ticket
from tests.browser import chromium_page, needs_chromium, screenshot
from tests.queue_core.helpers import quota_used
from tests.staff.test_counter_api import RINA, chat_patient
from tests.staff.test_counter_page_api import code_from_chat

pytestmark = needs_chromium


async def sign_in(page, clinic, nurse) -> None:
    from playwright.async_api import expect

    await page.goto(clinic.web_url + "/counter")
    await page.fill("#login-code", await code_from_chat(nurse))
    await page.click("#login-form button[type=submit]")
    await expect(page.locator("#who-name")).to_have_text("Perawat Rina (9002)")
    await expect(page.locator("#app")).to_be_visible()


async def no_sideways_scroll(page) -> None:
    """Everything fits the screen's width: a tablet or a small laptop never scrolls sideways."""
    width, inner = await page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"the page is {width} px wide on a {inner} px screen"


async def checked_in_at(services, number: str) -> dt.datetime | None:
    from sqlalchemy import select

    async def fn(session):
        return await session.scalar(select(Ticket.checked_in_at).where(Ticket.number == number))

    return await services.db.run(fn)


async def test_staff_register_a_walk_in_print_the_number_and_the_board_calls_it(clinic, nurse, tmp_path):
    from playwright.async_api import expect

    q = clinic.services
    async with chromium_page(viewport=(1024, 768)) as page:
        await sign_in(page, clinic, nurse)
        await page.click("[data-tab=new]")
        form = page.locator("#patient-form")
        await form.locator("[name=nik]").fill(RINA["nik"][:14])  # a wrong NIK first: the field says why
        await form.locator("[name=name]").fill(RINA["name"])
        await form.locator("[name=birth_date]").fill(RINA["birth_date"])
        await form.locator("[name=sex]").select_option("P")
        await form.locator("[name=address]").fill(RINA["address"])
        await page.click("#patient-save")
        await expect(page.locator('.field-error[data-field="nik"]')).to_contain_text("NIK harus 16 angka")
        await expect(form.locator("[name=name]")).to_have_value(RINA["name"])  # nothing typed is lost
        await form.locator("[name=nik]").fill(RINA["nik"])
        await page.click("#patient-save")
        await expect(page.locator("#msg")).to_contain_text("RINA WULANDARI terdaftar")

        await expect(page.locator("#issue")).to_be_visible()
        await page.check("#issue-services input[value=A]")
        await page.check("#issue-conditions input[value=hamil]")
        await page.click("#issue-form button[type=submit]")
        ticket = page.locator("#ticket .ticket")
        await expect(ticket.locator(".t-number")).to_have_text("A-001")
        await expect(ticket.locator(".t-service")).to_have_text("Poli Umum")
        await expect(ticket).to_contain_text("Senin, 23 November 2026")
        await expect(ticket).to_contain_text("Posisi / Position1")
        qr_width = await ticket.locator(".t-qr").evaluate("img => img.complete ? img.naturalWidth : 0")
        assert qr_width > 0
        await page.evaluate("document.body.dataset.paper = '58'")
        await page.emulate_media(media="print")
        await page.evaluate("window.scrollTo(0, 0)")
        await expect(ticket).to_be_visible()
        await expect(page.locator("#app")).to_be_hidden()  # only the ticket goes to the printer
        await expect(page.locator("#print .print-buttons")).to_be_hidden()
        box = await ticket.bounding_box()
        assert box["width"] < 230  # 54 mm at 96 dpi is 204 px: the 58 mm paper's width
        shot = await screenshot(page, tmp_path, "counter_print_58mm")
        assert shot.stat().st_size > 0
        widths = {}
        for paper in ("80", "a6"):  # 76 mm is 287 px at 96 dpi, 101 mm 382 px
            await page.evaluate(f"document.body.dataset.paper = '{paper}'")
            widths[paper] = (await ticket.bounding_box())["width"]
            await screenshot(page, tmp_path, f"counter_print_{paper}")
        assert 230 < widths["80"] < 300 < widths["a6"] < 400
        await page.emulate_media(media="screen")

        walk_in = await q.queue.find("A-001")
        assert walk_in.user_id is None and walk_in.level == 1

        board = await page.context.new_page()
        await board.goto(clinic.web_url + "/board")
        await expect(board.locator("#status")).to_have_text("Tersambung")
        await expect(board.locator(".queue .next").first).to_have_text("A-001")
        await nurse.send("/call Loket 1")
        await nurse.next_message(contains="Memanggil")
        await expect(board.locator('.channel[data-channel="Loket 1"] .number')).to_have_text("A-001")
        await expect(board.locator("#last")).to_have_text("Nomor A-001, silakan ke Loket 1")
        assert "WULANDARI" not in await board.content()


async def test_check_in_by_the_ticket_qr_and_cancel_tell_the_telegram_patient(clinic, nurse):
    from playwright.async_api import expect

    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    pid = await chat_patient(clinic, joko)
    his = await q.queue.issue(service="A", user_id=joko.id, patient_id=pid)
    ticket = await joko.next_message(contains=his.number)
    # the QR on the ticket image in his chat, as a scanner at the counter reads it (it types what it reads)
    import cv2
    import numpy as np

    image = cv2.imdecode(np.frombuffer(await joko.download(ticket["photo"][-1]["file_id"]), np.uint8), cv2.IMREAD_COLOR)
    scanned, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert scanned.startswith("PUSQUE:") and his.number in scanned
    async with chromium_page(viewport=(800, 1280)) as page:  # a tablet held upright
        await sign_in(page, clinic, nurse)
        await page.click("[data-tab=checkin]")
        await no_sideways_scroll(page)
        await page.fill("#checkin-number", scanned)
        await page.click("#checkin-form button[type=submit]")
        await expect(page.locator("#msg")).to_contain_text(f"{his.number} sudah datang (posisi 1)")
        assert await checked_in_at(q, his.number) == clinic.services.clock()

        await page.click("[data-tab=cancel]")
        await page.fill("#cancel-number", his.number)
        await page.fill("#cancel-reason", "Dokter umum berhalangan")
        await page.click("#cancel-form button[type=submit]")
        await expect(page.locator("#msg")).to_contain_text(f"Nomor {his.number} dibatalkan")
    told = (await joko.next_message(contains="dibatalkan"))["text"]
    assert f"Nomor {his.number} (Poli Umum) dibatalkan oleh petugas." in told and "Dokter umum berhalangan" in told
    assert await quota_used(q.db, dt.date(2026, 11, 23), "A") == 0  # back in the quota


async def test_the_kiosk_gives_a_number_to_a_registered_patient_by_nik(clinic, tmp_path):
    from playwright.async_api import expect

    q = clinic.services
    token = await q.staff.create_token("loket-pc", "staff", 9001)
    import aiohttp

    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.post("/api/patients", json=RINA, headers={"Authorization": f"Bearer {token}"}) as resp:
            assert resp.status == 201
    async with chromium_page(viewport=(768, 1024)) as page:
        await page.goto(clinic.web_url + "/kiosk")
        for digit in RINA["nik"]:
            await page.click(f'#keypad [data-key="{digit}"]')
        await expect(page.locator("#typed")).to_have_text(RINA["nik"])
        await page.click("#id-next")
        await expect(page.locator("#masked-name")).to_have_text("R*** W********")
        await no_sideways_scroll(page)
        await page.click('#services [data-service="A"]')
        await page.check('#conditions input[value="hamil"]')
        await page.click("#take")
        await expect(page.locator("#ticket .t-number")).to_have_text("A-001")
        await expect(page.locator("#msg")).to_contain_text("Nomor Anda A-001")
        await screenshot(page, tmp_path, "kiosk_ticket")
        content = await page.content()
        assert "WULANDARI" not in content and "MERPATI" not in content
    ticket = await q.queue.find("A-001")
    assert ticket.level == 1 and ticket.status == "waiting"


async def test_a_record_is_corrected_and_a_queue_cleared_only_with_its_code_typed(clinic, admin, nurse):
    from playwright.async_api import expect

    from tests.staff.conftest import audit_rows

    q = clinic.services
    joko = await clinic.user(first_name="Pak Joko")
    await chat_patient(clinic, joko)
    his = await q.queue.issue(service="B", user_id=joko.id)
    await joko.next_message(contains=his.number)
    async with chromium_page(viewport=(1280, 800)) as page:
        await page.goto(clinic.web_url + "/counter")
        await page.fill("#login-code", await code_from_chat(admin))
        await page.click("#login-form button[type=submit]")
        await expect(page.locator("#who-name")).to_have_text("Dr. Sari (9001) (admin)")
        await page.fill("#find-q", "santoso")
        await page.click("#find-form button[type=submit]")
        await page.click("#found li button:not(.primary)")
        await expect(page.locator("#form-title")).to_contain_text("Ubah data: BUDI SANTOSO")
        await page.fill("#p-address", "Jl. Kenanga 5, Malang")
        await page.click("#patient-save")
        await expect(page.locator("#msg")).to_contain_text("Data BUDI SANTOSO disimpan")
        [row] = await audit_rows(q, "api_patient_update")
        assert row.detail["after"] == {"address": "JL. KENANGA 5, MALANG"}
        assert row.detail["token"] == "loket:Dr. Sari (9001)"

        await page.click("[data-tab=checkin]")
        await page.click("#scan")  # headless: no camera, so the page says to type the number
        await expect(page.locator("#scan-note")).to_contain_text("ketik nomornya")

        await page.click("[data-tab=cancel]")
        await page.select_option("#clear-service", "B")
        await page.fill("#clear-reason", "Dokter gigi cuti")
        await page.fill("#clear-confirm", "A")
        await expect(page.locator("#clear-go")).to_be_disabled()
        await page.fill("#clear-confirm", "b")
        await page.click("#clear-go")
        await expect(page.locator("#msg")).to_contain_text("Antrean B dikosongkan: 1 nomor dibatalkan")
    assert "Dokter gigi cuti" in (await joko.next_message(contains="dibatalkan"))["text"]
    assert (await q.queue.view(his.id)).status == "cancelled"


async def test_a_staff_token_signs_in_a_reload_keeps_the_session_and_sign_out_ends_it(clinic):
    from playwright.async_api import expect

    token = await clinic.services.staff.create_token("loket-pc", "staff", 9001)
    async with chromium_page(viewport=(1280, 720)) as page:
        await page.goto(clinic.web_url + "/counter")
        await page.fill("#login-code", token)
        await page.click("#login-form button[type=submit]")
        await expect(page.locator("#who-name")).to_have_text("loket-pc")
        await page.reload()
        await expect(page.locator("#app")).to_be_visible()
        await page.click("#logout")
        await expect(page.locator("#login")).to_be_visible()
        await expect(page.locator("#app")).to_be_hidden()
        assert await page.evaluate("sessionStorage.length") == 0
        await page.fill("#login-code", "12345")
        await page.click("#login-form button[type=submit]")
        await expect(page.locator("#msg")).to_contain_text("code: Kode masuk berisi 6 angka")


class ReadsRinasCard:
    """Stands in for the KTP reader (its models take a worker process and ~10 s to load): the page
    and the route are what is tested here; the reader has its own tests (tests/ocr)."""

    def __init__(self) -> None:
        self.images: list[bytes] = []

    async def read(self, image: bytes, filename: str = "image", *, today=None) -> dict:
        self.images.append(image)
        fields = {"nik": RINA["nik"], "nama": "RINA WULANDARI", "tanggal_lahir": None, "jenis_kelamin": None,
                  "alamat": "JL. MERPATI 3", "rt_rw": None, "kel_desa": "SUMBERSARI", "kecamatan": None}
        return {"fields": fields, "confidence": {k: 0.99 for k in fields}, "nik_valid": True, "problems": [],
                "error": None, "seconds": 0.1}


async def test_a_ktp_photo_fills_the_form_for_staff_to_check(clinic, nurse, tmp_path):
    from playwright.async_api import expect

    reader = clinic.services.extras["ktp_reader"] = ReadsRinasCard()
    photo = tmp_path / "ktp.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    async with chromium_page(viewport=(800, 1280)) as page:
        await sign_in(page, clinic, nurse)
        await page.click("[data-tab=new]")
        await page.set_input_files("#ktp-photo", str(photo))
        await page.click("#ktp-read")
        await expect(page.locator("#ktp-note")).to_contain_text("Periksa setiap isian")
        form = page.locator("#patient-form")
        await expect(form.locator("[name=nik]")).to_have_value(RINA["nik"])
        await expect(form.locator("[name=name]")).to_have_value("RINA WULANDARI")
        await expect(form.locator("[name=birth_date]")).to_have_value("1995-01-25")  # from the NIK
        await expect(form.locator("[name=sex]")).to_have_value("P")
        await expect(form.locator("[name=address]")).to_have_value("JL. MERPATI 3, KEL. SUMBERSARI")
        await expect(form.locator("[name=phone]")).to_have_value("")
        patients = CounterPatients(clinic.services.db, clinic.services.clock)
        assert await patients.find_nik(RINA["nik"]) is None  # nothing is saved before staff press Simpan
        await page.click("#patient-save")
        await expect(page.locator("#msg")).to_contain_text("RINA WULANDARI terdaftar")
    assert reader.images == [photo.read_bytes()]


async def test_an_address_the_patient_changes_in_chat_is_what_the_counter_page_shows(clinic, nurse):
    from playwright.async_api import expect

    joko = await clinic.user(first_name="Pak Joko")
    await chat_patient(clinic, joko)
    await joko.send("/data")
    data = await joko.next_message(contains="Data yang kami simpan")
    [edit] = [b["text"] for row in data["reply_markup"]["inline_keyboard"] for b in row if b["text"].startswith("✏️")]
    await joko.press(edit, message=data)
    await joko.press("Alamat", message=await joko.next_message(contains="mana yang mau diubah"))
    await joko.next_message(contains="Alamat yang baru")
    await joko.send("Jl. Flamboyan 21, Malang")
    await joko.next_message(contains="Tersimpan")
    async with chromium_page(viewport=(1280, 800)) as page:
        await sign_in(page, clinic, nurse)
        await page.fill("#find-q", "santoso")
        await page.click("#find-form button[type=submit]")
        await page.click("#found li button:not(.primary)")
        await expect(page.locator("#form-title")).to_contain_text("BUDI SANTOSO")
        await expect(page.locator("#p-address")).to_have_value("JL. FLAMBOYAN 21, MALANG")


async def test_the_kiosk_scans_a_registered_patients_ktp_instead_of_typing(clinic, tmp_path):
    import aiohttp
    from playwright.async_api import expect

    q = clinic.services
    token = await q.staff.create_token("loket-pc", "staff", 9001)
    async with aiohttp.ClientSession(clinic.web_url) as http:
        async with http.post("/api/patients", json=RINA, headers={"Authorization": f"Bearer {token}"}) as resp:
            assert resp.status == 201
    q.extras["ktp_reader"] = ReadsRinasCard()
    photo = tmp_path / "ktp.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    async with chromium_page(viewport=(768, 1024)) as page:
        await page.goto(clinic.web_url + "/kiosk")
        await page.set_input_files("#ktp-photo", str(photo))
        await expect(page.locator("#masked-name")).to_have_text("R*** W********")
        await page.click('#services [data-service="A"]')
        await page.click("#take")
        await expect(page.locator("#ticket .t-number")).to_have_text("A-001")
        content = await page.content()
        assert RINA["nik"] not in content and "WULANDARI" not in content
