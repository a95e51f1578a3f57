"""/retrain (admin): close nothing, export the history and retrain the wait-time model now."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.context import PusqueContext
from bot.i18n import t
from bot.maintenance import end_of_day
from bot.menu import MenuCommand
from bot.roles import Role

from .staff_common import Audit, privileged

ADMIN = frozenset({Role.ADMIN})
COMMANDS = [MenuCommand("retrain", "Latih ulang model waktu tunggu / Retrain wait-time model", roles=ADMIN, order=36)]

TEXTS: dict[str, dict[str, str]] = {
    "retrain.started": {
        "id": "Melatih ulang model waktu tunggu dari riwayat antrean... (bisa 1-2 menit)",
        "en": "Retraining the wait-time model from the queue history... (may take 1-2 minutes)",
    },
    "retrain.none": {
        "id": "Riwayat diekspor ({rows} baris), tetapi model belum dimuat; coba lagi sebentar lagi.",
        "en": "History exported ({rows} rows), but the model is not loaded yet; try again shortly.",
    },
    "retrain.done": {
        "id": "Selesai ({seconds} detik, {rows} baris riwayat). Model {verdict}: {reason}",
        "en": "Done ({seconds} s, {rows} history rows). Model {verdict}: {reason}",
    },
}


@privileged("retrain", Role.ADMIN)
async def retrain(update: Update, context: PusqueContext, audit: Audit) -> None:
    """Export today's history and retrain; the model is replaced only if it is better."""
    await update.effective_message.reply_text(t("retrain.started", audit.lang))
    report = await end_of_day(context.services, close=False)
    audit.detail["history_rows"] = report.history_rows
    if report.retrain is None:
        await update.effective_message.reply_text(t("retrain.none", audit.lang, rows=report.history_rows))
        return
    replaced = bool(report.retrain.get("replaced"))
    audit.detail["replaced"] = replaced
    await update.effective_message.reply_text(t(
        "retrain.done", audit.lang, seconds=report.retrain.get("seconds"), rows=report.history_rows,
        verdict=("diganti" if replaced else "tetap") if audit.lang == "id" else ("replaced" if replaced else "kept"),
        reason=report.retrain.get("reason", ""),
    ))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("retrain", retrain))
