"""A registration conversation resumed after a crash: the steps whose answers can arrive after
the patient was already saved (a SIGKILL between the save and storing the conversation's end,
seen in issue 9's rush), so that nobody is trapped in a form they finished."""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import PusqueContext
from bot.i18n import t

from . import mydata
from .patient_common import main_keyboard, patients, touch
from .reg_fields import REG

log = logging.getLogger(__name__)
END = ConversationHandler.END
PHONE_LIKE = r"^\s*(\+62|62|0)8[\d\s\-().]{7,15}\s*$"  # an Indonesian mobile number


async def saved_before_a_crash(update: Update, context, lang: str) -> bool:
    """At the last step with no field of the draft left: the draft is dropped only once the
    patient is saved, so a patient of this kind on the account means the form is done (the
    patient, seeing no answer, sent the BPJS number again). Says so and ends the form."""
    kind = (context.user_data.get(REG) or {}).get("kind", "self")
    mine = [p for p in await patients(context).patients_of(update.effective_user.id) if p.relation == kind]
    if not mine:
        return False
    context.user_data.pop(REG, None)
    log.info("registration already saved before a restart; conversation ended")
    await update.effective_message.reply_text(t("reg.saved", lang, name=mine[-1].name), reply_markup=main_keyboard(lang))
    return True


async def menu_button(update: Update, context: PusqueContext):
    """A main-menu button pressed while registering: carry it out if this draft is already saved."""
    lang = await touch(update, context)
    if not await _nothing_to_keep(update, context):
        await update.effective_message.reply_text(t("reg.unfinished", lang))
        return None  # stay: the draft is kept
    # The patient was saved (or nothing was typed yet) but the conversation's end was not stored:
    # a crash between the two, seen in issue 9's SIGKILL rush. The menu works now.
    context.user_data.pop(REG, None)
    from . import help as help_feature
    from . import status as status_feature
    from . import ticket as ticket_feature

    text = update.effective_message.text
    for key, action in (("pt.btn.ticket", ticket_feature.start_ticket), ("pt.btn.status", status_feature.status),
                        ("pt.btn.help", help_feature.help_command), ("pt.btn.register", mydata.show)):
        if text in (t(key, "id"), t(key, "en")):
            await action(update, context)
    return END


async def _nothing_to_keep(update: Update, context) -> bool:
    """No draft to lose: none at all, or the draft is a patient already saved."""
    draft = (context.user_data.get(REG) or {}).get("draft") or {}
    if not any(draft.values()):
        return True
    return await saved_patient(update, context) is not None


async def saved_patient(update: Update, context):
    """The patient on this account that the draft already is (same NIK, or same name and birth
    date), or None."""
    draft = (context.user_data.get(REG) or {}).get("draft") or {}
    if not draft.get("name"):
        return None
    for p in await patients(context).patients_of(update.effective_user.id):
        same_nik = bool(draft.get("nik")) and p.nik == draft["nik"]
        born = p.birth_date.isoformat() if p.birth_date else None
        if same_nik or (p.name == draft["name"] and born == draft.get("birth_date")):
            return p
    return None
