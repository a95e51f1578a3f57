"""The context every handler and job gets (PTB's ContextTypes with a context class of our own):
`context.services` is the services container, typed, instead of a lookup in `bot_data`."""
from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from .services import SERVICES_KEY, Services


class PusqueContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    @property
    def services(self) -> Services:
        return self.application.bot_data[SERVICES_KEY]


CONTEXT_TYPES = ContextTypes(context=PusqueContext)
