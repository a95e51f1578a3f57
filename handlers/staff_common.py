"""Role checks with audit, and the rendering of queue errors, shared by the staff and admin handlers.

`@privileged("call")` on a handler: the caller's role is checked first; a refusal is answered
and written to the audit log (allowed=False); an allowed action is written after it ran, with
what the handler put in `audit.target` / `audit.detail` (e.g. the number called, an error code).
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from telegram import Update

from bot.context import PusqueContext
from bot.i18n import t
from bot.roles import Role
from queue_core import errors

from . import texts_staff  # noqa: F401 - registers the texts
from .patient_common import lang_of

log = logging.getLogger(__name__)


@dataclass
class Audit:
    action: str
    actor_id: int
    role: Role
    lang: str = "id"  # the caller's chosen language: every reply is in it
    target: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[Update, PusqueContext, Audit], Awaitable[None]]


def allowed_roles(minimum: Role) -> frozenset[Role]:
    return frozenset({Role.ADMIN}) if minimum is Role.ADMIN else frozenset({Role.STAFF, Role.ADMIN})


def privileged(action: str, minimum: Role = Role.STAFF):
    def decorate(fn: Handler):
        @functools.wraps(fn)
        async def wrapper(update: Update, context: PusqueContext) -> None:
            services = context.services
            user = update.effective_user
            role = await services.roles.role_of(user.id)
            audit = Audit(action, user.id, role, await lang_of(update, context))
            if role not in allowed_roles(minimum):
                await services.staff.audit(user.id, action, allowed=False,
                                           detail={"role": role.value, "args": list(context.args or [])[:5]})
                text = t("staff.refused", audit.lang, role=t(f"role.{minimum.value}", audit.lang))
                if update.callback_query is not None:
                    await update.callback_query.answer(text, show_alert=True)
                else:
                    await update.effective_message.reply_text(text)
                return
            try:
                await fn(update, context, audit)
            finally:
                await services.staff.audit(user.id, audit.action, allowed=True, target=audit.target,
                                           detail={"role": role.value, **audit.detail})

        return wrapper

    return decorate


def error_text(exc: errors.QueueError, lang: str) -> str:
    p = dict(exc.params)
    if "known" in p:
        p["known"] = ", ".join(p["known"])
    key = f"staff.{exc.code}"
    try:
        return t(key, lang, **p)
    except (KeyError, IndexError):
        return t("staff.queue_error", lang, code=exc.code)


def known_channels(settings) -> str:
    return ", ".join(c.name for c in settings.channels)
