"""Admin tools: /invite and /staff CODE (roles), /token (web API), /stats, /unanswered, /reload.
Broadcasts are in handlers/broadcast.py."""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import io
import logging
import os

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import clip, t
from bot.menu import MenuCommand, commands_of, publish_for_user
from bot.roles import Role
from queue_core.counter_catalog import counter_seed, with_counters
from queue_core.service_catalog import with_services
from queue_core.staff import InviteError
from queue_core.staff_views import mark_unanswered_reviewed, unanswered
from queue_core.stats import MAX_DAYS, period_stats
from settings import ConfigError, load_settings

from . import broadcast
from .patient_common import lang_of
from .staff_common import Audit, privileged

log = logging.getLogger(__name__)
ADMIN = frozenset({Role.ADMIN})

COMMANDS = [
    MenuCommand("broadcast", "Pengumuman / Broadcast", roles=ADMIN, order=30),
    MenuCommand("stats", "Statistik / Statistics", roles=ADMIN, order=31),
    MenuCommand("unanswered", "Pertanyaan tak terjawab / Unanswered questions", roles=ADMIN, order=32),
    MenuCommand("invite", "Undang petugas / Invite staff", roles=ADMIN, order=33),
    MenuCommand("token", "Token API web / Web API token", roles=ADMIN, order=34),
    MenuCommand("reload", "Muat ulang konfigurasi / Reload config", roles=ADMIN, order=35),
]
# Settings that belong to the running process, not to the file: a reload keeps them.
MAX_TOKEN_NAME = 64
RUNTIME_FIELDS = ("database_url", "telegram_token", "telegram_base_url", "web_host", "web_port", "botapi_port")


def _role_word(role: str, lang: str) -> str:
    return t(f"role.{role}", lang)


@privileged("invite", Role.ADMIN)
async def invite_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    args = [a.lower() for a in context.args or []]
    role = args[0] if args else "staff"
    if role not in ("staff", "admin") or len(args) > 1:
        await update.effective_message.reply_text(t("admin.invite_usage", audit.lang))
        return
    code = await context.services.staff.create_invite(role, update.effective_user.id)
    audit.target, audit.detail["role"] = role, role  # the code itself is a secret: not logged
    await update.effective_message.reply_text(t("admin.invite_created", audit.lang, code=code, role=_role_word(role, audit.lang)))


async def claim_command(update: Update, context: PusqueContext) -> None:
    """/staff CODE: anyone may try; every attempt is audited (a guessed code is worth seeing)."""
    services = context.services
    user = update.effective_user
    lang = await lang_of(update, context)
    if len(context.args or []) != 1:
        await update.effective_message.reply_text(t("admin.staff_usage", lang))
        return
    try:
        role = await services.staff.claim_invite(context.args[0], user.id, user.first_name or "")
    except InviteError as exc:
        await services.staff.audit(user.id, "claim_invite", allowed=False, detail={"reason": exc.code})
        await update.effective_message.reply_text(t(f"admin.invite_{exc.code}", lang))
        return
    await services.staff.audit(user.id, "claim_invite", allowed=True, target=role)
    await update.effective_message.reply_text(t("admin.claimed", lang, role=_role_word(role, lang)))
    await publish_for_user(context.bot, user.id, await services.roles.role_of(user.id), commands_of(context), lang)


@privileged("token", Role.ADMIN)
async def token_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    args = list(context.args or [])
    if len(args) == 2 and args[0].lower() == "revoke":
        n = await services.staff.revoke_tokens(args[1])
        audit.target, audit.detail["revoked"] = args[1], n
        await update.effective_message.reply_text(t("admin.token_revoked", audit.lang, n=n, name=clip(args[1])))
        return
    if not args or len(args) > 2 or (len(args) == 2 and args[1].lower() not in ("staff", "admin")):
        await update.effective_message.reply_text(t("admin.token_usage", audit.lang))
        return
    if len(args[0]) > MAX_TOKEN_NAME:  # stored names are at most 64; the reply must fit and show the token
        await update.effective_message.reply_text(t("admin.token_name", audit.lang, n=MAX_TOKEN_NAME))
        return
    role = args[1].lower() if len(args) == 2 else "staff"
    token = await services.staff.create_token(args[0], role, update.effective_user.id)
    audit.target, audit.detail["role"] = args[0], role
    await update.effective_message.reply_text(t("admin.token_created", audit.lang, name=args[0], token=token, role=_role_word(role, audit.lang)))


def stats_period(args: list[str], today: dt.date) -> tuple[dt.date, dt.date, bool] | None:
    """/stats [N | DATE [DATE]] [csv]: today, the last N days, one day, or a range (at most MAX_DAYS)."""
    words = [a.lower() for a in args]
    want_csv = "csv" in words
    words = [w for w in words if w != "csv"]
    try:
        if not words:
            start = end = today
        elif len(words) == 1 and words[0].isdigit():
            start, end = today - dt.timedelta(days=int(words[0]) - 1), today
        elif len(words) <= 2:
            start = dt.date.fromisoformat(words[0])
            end = dt.date.fromisoformat(words[1]) if len(words) == 2 else start
        else:
            return None
    except (ValueError, OverflowError):
        return None
    if end < start or end > today or (end - start).days + 1 > MAX_DAYS:
        return None
    return start, end, want_csv


@privileged("stats", Role.ADMIN)
async def stats_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    from .stats_chart import render_chart

    services = context.services
    period = stats_period(list(context.args or []), services.clock().date())
    if period is None:
        await update.effective_message.reply_text(t("stats.usage", audit.lang, days=MAX_DAYS))
        return
    start, end, want_csv = period
    stats = await period_stats(services.db, start, end)
    png = await asyncio.get_running_loop().run_in_executor(None, render_chart, stats, services.settings, audit.lang)
    share = "-" if stats.share_within_60 is None else f"{stats.share_within_60:.0%}"
    label = f"{start:%d-%m-%Y}" + ("" if start == end else f" – {end:%d-%m-%Y}")
    audit.target = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    await update.effective_message.reply_photo(
        io.BytesIO(png), caption=t("stats.caption", audit.lang, period=label, tickets=stats.tickets, share=share))
    if want_csv:
        name = f"statistik_{start:%Y%m%d}" + ("" if start == end else f"_{end:%Y%m%d}") + ".csv"
        await update.effective_message.reply_document(
            io.BytesIO(stats.csv().encode("utf-8")), filename=name, caption=t("stats.csv_caption", audit.lang, period=label))


@privileged("unanswered", Role.ADMIN)
async def unanswered_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    if context.args and context.args[0].lower() in ("clear", "hapus", "reviewed"):
        n = await mark_unanswered_reviewed(services.db)
        audit.detail["cleared"] = n
        await update.effective_message.reply_text(t("unanswered.cleared", audit.lang, n=n))
        return
    rows = await unanswered(services.db)
    if not rows:
        await update.effective_message.reply_text(t("unanswered.none", audit.lang))
        return
    lines = [t("unanswered.header", audit.lang, n=len(rows))]
    for at, question, score in rows:
        lines.append(f"• {at:%d-%m %H:%M} — {question[:200]}" + ("" if score is None else f" ({score:.2f})"))
    lines += ["", "/unanswered clear"]
    await update.effective_message.reply_text("\n".join(lines)[:4000])


@privileged("reload", Role.ADMIN)
async def reload_command(update: Update, context: PusqueContext, audit: Audit) -> None:
    services = context.services
    old = services.settings
    try:
        fresh = load_settings(old.path, env=dict(os.environ))
    except ConfigError as exc:
        audit.detail["error"] = str(exc)[:200]
        await update.effective_message.reply_text(t("reload.failed", audit.lang, error=exc))
        return
    fresh = dataclasses.replace(fresh, **{f: getattr(old, f) for f in RUNTIME_FIELDS})
    if services.catalog is not None:  # the services are the database's: the file only seeded them
        fresh = with_services(fresh, old.services)
    if services.counters is not None:  # and so are the counters
        fresh = with_counters(fresh, counter_seed(old))
    apply_settings(services, fresh)
    await services.queue.ensure_channels()
    await update.effective_message.reply_text(t(
        "reload.done", audit.lang, services=len(fresh.services), channels=len(fresh.channels),
        admins=len(fresh.admin_ids), staff=len(fresh.staff_ids - fresh.admin_ids)))


def apply_settings(services, fresh) -> None:
    """Every holder of the settings sees the new ones (bot/services.py)."""
    services.apply_settings(fresh)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("invite", invite_command))
    app.add_handler(CommandHandler("staff", claim_command))
    app.add_handler(CommandHandler("token", token_command))
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(CommandHandler("unanswered", unanswered_command))
    app.add_handler(CommandHandler("reload", reload_command))
    broadcast.register(app)
