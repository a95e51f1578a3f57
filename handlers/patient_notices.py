"""How the queue's notices to patients look in the chat (renderers for bot.notifier).

Payloads are written by queue_core (notices.py, staff_ops.py, patient_ops.py: the ticket itself): only what the payload holds is
shown, so a notice never states a number the system does not have (no minutes -> no minutes).
"""
from __future__ import annotations

from bot.i18n import t
from bot.notifier import Message
from queue_core.patient_ops import ISSUED

from .patient_common import inline, phase_name, service_name
from .texts_counter import note_in
from .ticket_notice import issued


def place(settings, payload: dict, lang: str) -> str:
    """Where to go: "Poli Umum Ruang 2" for a service's room, else the channel ("Loket 1")."""
    channel = payload.get("channel") or ""
    svc = settings.services.get(payload.get("service"))
    if svc is not None and channel in svc.rooms:
        return f"{service_name(settings, svc.code, lang)} {channel}"
    return channel or phase_name(settings, payload.get("phase", ""), lang)


def _minutes(payload: dict, lang: str) -> str:
    minutes = payload.get("minutes")
    if minutes is None:
        return ""
    return t("nt.minutes", lang, minutes=round(minutes)) if round(minutes) else t("nt.minutes_soon", lang)  # not "0 minutes"


def turn_near(notice, lang, settings):
    p = notice.payload
    return Message(t("nt.turn_near", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     phase=phase_name(settings, p.get("phase", ""), lang), position=p.get("position", "-"),
                     minutes=_minutes(p, lang)))


def called(notice, lang, settings):
    p = notice.payload
    if p.get("moved_from"):  # the counter that called them closed: another one takes them
        return Message(t("nt.called_moved", lang, number=p["number"], place=place(settings, p, lang),
                         closed=p["moved_from"]))
    key = "nt.recalled" if p.get("recall") else "nt.called"
    return Message(t(key, lang, number=p["number"], place=place(settings, p, lang)))


def skipped(notice, lang, settings):
    p = notice.payload
    grace = round(p.get("grace_minutes") or settings.notifications.skip_grace_minutes)
    markup = inline([[(t("nt.btn.rejoin", lang), f"rj:{p['ticket_id']}")]]) if p.get("ticket_id") else None
    return Message(t("nt.skipped", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     grace=grace), markup)


def next_phase(notice, lang, settings):
    p = notice.payload
    text = t("nt.next_phase", lang, number=p["number"], phase=phase_name(settings, p.get("phase", ""), lang),
             position=p.get("position", "-"), minutes=_minutes(p, lang))
    return Message(text + ("\n" + t("nt.near_now", lang) if p.get("near") else ""))


def transferred(notice, lang, settings):
    p = notice.payload
    return Message(t("nt.transferred", lang, number=p["number"], service=service_name(settings, p["service"], lang),
                     position=p.get("position", "-")))


def cancelled(notice, lang, settings):
    p = notice.payload
    text = t("nt.cancelled", lang, number=p["number"], service=service_name(settings, p["service"], lang))
    return Message(text + ("\n" + t("nt.cancel_note", lang, note=note_in(p["note"], lang)) if p.get("note") else ""))


def finished(notice, lang, settings):
    return Message(t("nt.finished", lang, number=notice.payload["number"]))


RENDERERS = {ISSUED: issued, "turn_near": turn_near, "called": called, "skipped": skipped, "next_phase": next_phase,
             "transferred": transferred, "cancelled": cancelled, "finished": finished}

