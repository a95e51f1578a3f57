"""Telegram handlers, one module per feature, all registered from here.

A feature module exposes:
    COMMANDS: list[bot.menu.MenuCommand]   its commands in the menu (per role), may be empty
    def register(app: Application) -> None  adds its handlers (use a `group` if it must not
                                            shadow others)
and is added to FEATURES below. Handlers parse the update, call one service
(`context.services`, bot/context.py), and render the reply from bot/i18n.py.
"""
from __future__ import annotations

from telegram.ext import Application

from bot.menu import MenuCommand

from . import (
    admin,
    admin_clinic,
    admin_closures,
    booking_notices,
    chat,
    doctor_schedule,
    emergency,
    error,
    help,
    mydata,
    mydata_edit,
    private_only,
    register,
    retrain,
    staff,
    staff_page,
    staff_roles,
    start,
    status,
    ticket,
    when_to_come,
)

# Order matters only for overlapping handlers: earlier modules register first.
# `chat` (free text -> FAQ, stickers, files) stays LAST: it takes whatever no other handler did.
# `emergency` registers in group -1: every patient text meets the emergency detector first.
FEATURES = [emergency, private_only, start, help, staff, staff_page, admin, admin_closures, admin_clinic, staff_roles,
            retrain, register, ticket, status, when_to_come, mydata, mydata_edit, booking_notices,
            doctor_schedule, chat]


def register_all(app: Application) -> None:
    for feature in FEATURES:
        feature.register(app)
    error.register(app)


def all_commands() -> list[MenuCommand]:
    return [c for feature in FEATURES for c in getattr(feature, "COMMANDS", [])]
