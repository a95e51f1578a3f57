"""Every text and every notice renderer of the bot, in one place, handed to the bot when it builds.

Nothing is registered by importing a module: a module with texts exports `TEXTS` (a dict
"feature.key" -> {"id": ..., "en": ...}), a module that renders notices exports `RENDERERS` (a
dict notice kind -> renderer(notice, lang, settings)), and this module lists them.
app/application.py (and the web worker, for the counter API's words) gives `TEXTS` to
`bot.i18n.use_texts` and `RENDERERS` to the Notifier; tests take the same tables (the `texts`
fixture, tests/conftest.py).

A new feature with texts or notices: export its `TEXTS` / `RENDERERS` and add the module below.
A key defined in two modules, or a text without both languages, stops the bot at start-up.
"""
from __future__ import annotations

from bot import i18n, patient_fields
from bot.notifier import Renderer
from handlers import (
    admin_clinic,
    admin_clinic_doctors,
    admin_clinic_places,
    admin_clinic_services,
    admin_clinic_wizard,
    admin_closures,
    booking_notices,
    broadcast,
    doctor_schedule,
    mydata_edit,
    patient_notices,
    private_only,
    retrain,
    texts_booking,
    texts_counter,
    texts_emergency,
    texts_patient,
    texts_staff,
    when_to_come,
)

TEXTS: i18n.Table = i18n.merge_texts(
    i18n.TEXTS,
    patient_fields.TEXTS,
    texts_patient.TEXTS,
    texts_booking.TEXTS,
    texts_counter.TEXTS,
    texts_emergency.TEXTS,
    texts_staff.TEXTS,
    private_only.TEXTS,
    when_to_come.TEXTS,
    mydata_edit.TEXTS,
    doctor_schedule.TEXTS,
    retrain.TEXTS,
    admin_clinic.TEXTS,
    admin_clinic_doctors.TEXTS,
    admin_clinic_places.TEXTS,
    admin_clinic_services.TEXTS,
    admin_clinic_wizard.TEXTS,
    admin_closures.TEXTS,
)

RENDERERS: dict[str, Renderer] = {
    **patient_notices.RENDERERS,
    **booking_notices.RENDERERS,
    **when_to_come.RENDERERS,
    **broadcast.RENDERERS,
}


def use_texts() -> None:
    """Give the texts to bot.i18n: the app does this when it builds."""
    i18n.use_texts(TEXTS)
