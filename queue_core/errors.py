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


class DayOutOfRange(QueueError):
    """A booking for a day before today or further ahead than `booking.days_ahead`."""

    code = "day_out_of_range"


class DoctorNotAvailable(QueueError):
    """The chosen doctor has no schedule for that service on that day."""

    code = "doctor_not_available"


class NotBookedDay(QueueError):
    """A booked ticket checked in on another day than its own."""

    code = "not_booked_day"


class NotWaitingHere(QueueError):
    """A number called by name that does not wait in the channel's queue today."""

    code = "not_waiting_here"
