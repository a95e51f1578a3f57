"""The ticket message (kind "issued"), rendered by the notifier from the outbox row that
QueueService.issue writes in the issuing transaction: one photo (the ticket with its QR code)
whose caption holds the number, patient, service, phase, position, estimate and "come at".

One message, not a text and then a photo: a notice is settled as a whole, so a crash between two
sends would make the notifier send the first one again. The patient's name is not in the
payload (personal data stays out of the outbox): the notifier adds it at send time from
`patient_id`. "Come at" is counted from the moment of issue, not of sending, so a ticket
delivered after a restart still shows the times the patient was given the number for.
"""
from __future__ import annotations

import datetime as dt

from bot.i18n import t
from bot.notifier import Message
from queue_core.advice import Advice

from .patient_common import inline, phase_name, service_name
from .texts_booking import full_date
from .ticket_image import render_ticket
from .when_to_come import advice_lines, is_first_phase, leave_line, trip_buttons


def doctor_line(doctor: str | None, room: str | None, lang: str) -> list[str]:
    """The chosen doctor (and their room, when known) as a line of a ticket, status or notice."""
    if not doctor:
        return []
    return [t("bk.doctor_room_line", lang, doctor=doctor, room=room) if room else t("bk.doctor_line", lang, doctor=doctor)]


def booked_come_line(payload: dict, lang: str) -> str:
    """A booked number's opening time, "Datang jam ..." when the payload has the booking's advice
    (queue_core/booking_advice.py), and the check-in deadline."""
    advice = Advice.from_payload(payload.get("advice"))
    if advice is None:
        return t("bk.come", lang, start=payload["start"], checkin_by=payload["checkin_by"])
    return t("bk.come_at", lang, start=payload["start"], come=f"{advice.come_at:%H:%M}",
             called_from=f"{advice.called_from:%H:%M}", called_to=f"{advice.called_to:%H:%M}",
             checkin_by=payload["checkin_by"])


def ticket_text(payload: dict, settings, lang: str) -> str:
    if payload.get("booked"):
        return booked_text(payload, settings, lang)
    now = dt.datetime.fromisoformat(payload["issued_at"])
    position = payload.get("position")
    text = t("tk.issued", lang, number=payload["number"], name=payload.get("name") or "-",
             service=service_name(settings, payload["service"], lang),
             phase=phase_name(settings, payload.get("phase", ""), lang), position=position if position is not None else "-")
    near = [t("nt.near_now", lang)] if payload.get("near") else []
    advice = Advice.from_payload(payload.get("advice"))
    first = is_first_phase(settings, payload["service"], payload.get("phase", ""))
    has_buttons = first and payload.get("patient_id") is not None  # the trip line names the trip buttons
    trip = leave_line(advice, payload.get("trip"), bool(payload.get("leave_now")), lang, now) if has_buttons else []
    day = [t("bk.date_line", lang, date=full_date(dt.date.fromisoformat(payload["day"]), lang))] if "day" in payload else []
    doctor = doctor_line(payload.get("doctor"), payload.get("room"), lang)
    return "\n".join([text, *day, *doctor, *advice_lines(advice, lang, now, first), *trip, *near, t("tk.caption", lang)])


def booked_text(payload: dict, settings, lang: str) -> str:
    """A number booked for a later day (or today before the opening): the date, the doctor, when the
    service opens, when to come and the check-in it needs, in place of a position and an estimate."""
    text = t("bk.issued", lang, number=payload["number"], name=payload.get("name") or "-",
             service=service_name(settings, payload["service"], lang),
             date=full_date(dt.date.fromisoformat(payload["day"]), lang))
    doctor = doctor_line(payload.get("doctor"), payload.get("room"), lang)
    return "\n".join([text, *doctor, booked_come_line(payload, lang), t("bk.late_rule", lang, checkin_by=payload["checkin_by"]), t("tk.caption", lang)])


def issued(notice, lang: str, settings) -> Message:
    p = notice.payload
    svc = settings.services.get(p["service"])
    image = render_ticket(clinic=settings.clinic.name, number=p["number"], service=svc.name if svc else p["service"],
                          day=dt.date.fromisoformat(p["day"]), ticket_id=p["ticket_id"], doctor=p.get("doctor"))
    rows = [[(t("tk.btn.status", lang), f"vw:{p['ticket_id']}"), (t("tk.btn.cancel", lang), f"bt:ask:{p['ticket_id']}")]]
    if p.get("booked"):
        rows.append([(t("bk.btn.arrived", lang), f"ci:{p['ticket_id']}")])
    if p.get("patient_id") is not None and p.get("advice") and p.get("trip") is not None:
        rows.append(trip_buttons(p["ticket_id"], lang))
    return Message(ticket_text(p, settings, lang), reply_markup=inline(rows), photo=image)
