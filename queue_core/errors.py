"""Domain errors. Each has a stable `code` and `params` so handlers can render them in any language."""
from __future__ import annotations


class QueueError(Exception):
    code = "queue_error"

    def __init__(self, **params) -> None:
        super().__init__(f"{self.code}: {params}")
        self.params = params


class UnknownService(QueueError):
    code = "unknown_service"


class ServiceClosed(QueueError):
    code = "service_closed"


class QuotaFull(QueueError):
    code = "quota_full"


class AlreadyHasTicket(QueueError):
    code = "already_has_ticket"


class UnknownChannel(QueueError):
    code = "unknown_channel"


class ChannelBusy(QueueError):
    code = "channel_busy"


class ChannelPaused(QueueError):
    code = "channel_paused"


class NoCurrentTicket(QueueError):
    code = "no_current_ticket"


class TicketNotFound(QueueError):
    code = "ticket_not_found"


class InvalidTransition(QueueError):
    code = "invalid_transition"


class RejoinExpired(QueueError):
    code = "rejoin_expired"

