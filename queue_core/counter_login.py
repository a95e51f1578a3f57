"""Signing in on the counter page (issue 23) with a one-time code the bot gave in the chat.

A staff member types /kode in the chat and gets a 6-digit code that works once, for CODE_TTL.
Typed on the counter page, it becomes an API token (`api_tokens`, as /token makes them) with the
member's role and name, that ends after SESSION_TTL or when the page signs out. Only hashes are
kept. Guessing is slowed by the web server's refusal limit per client (bot/webguard.py). Also what
the kiosk may show of a patient's name (`mask_kiosk_name`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import secrets

from sqlalchemy import BigInteger, String, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from .clock import Store
from .models import ApiToken, Base
from .staff import ROLES, hash_token

CODE_TTL = dt.timedelta(minutes=5)
SESSION_TTL = dt.timedelta(hours=10)
CODE_DIGITS = 6
TOKEN_PREFIX = "loket:"  # the token's name, so the audit log names the person: "loket:Perawat Rina (9002)"


def mask_kiosk_name(name: str | None) -> str:
    """'RINA WULANDARI' -> 'R*** W*******': what a kiosk in the waiting room may show, so a patient
    knows the record is theirs and a stranger learns nothing."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in (name or "").split())


class LoginCode(Base):
    """A one-time code the bot gave a staff member in the chat (/kode) to sign in on the counter
    page; only its SHA-256 is kept, it works once and only until `expires_at`."""

    __tablename__ = "login_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


class LoginRefused(Exception):
    """reason: unknown | used | expired | not_staff"""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Session:
    token: str
    name: str
    role: str
    telegram_id: int
    expires_at: dt.datetime


def token_name(telegram_id: int, name: str) -> str:
    suffix = f" ({telegram_id})"
    return TOKEN_PREFIX + (" ".join(name.split()) or "petugas")[: 64 - len(TOKEN_PREFIX) - len(suffix)] + suffix


class CounterLogin(Store):
    async def new_code(self, telegram_id: int, name: str) -> tuple[str, dt.datetime]:
        """A fresh code for this staff member and when it ends; their older unused codes stop working."""
        async def fn(session: AsyncSession, now: dt.datetime) -> tuple[str, dt.datetime]:
            await session.execute(update(LoginCode).where(LoginCode.telegram_id == telegram_id,
                                                          LoginCode.used_at.is_(None)).values(expires_at=now))
            while True:
                code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
                taken = await session.scalar(select(LoginCode.id).where(LoginCode.code_hash == hash_token(code)))
                if taken is None:
                    break
            session.add(LoginCode(code_hash=hash_token(code), telegram_id=telegram_id, name=name[:64],
                                  created_at=now, expires_at=now + CODE_TTL))
            return code, now + CODE_TTL

        return await self._tx(fn)

    async def redeem(self, code: str, role_of) -> Session:
        """Use a code once: a session token for its staff member. `role_of(telegram_id)` is their
        role now (a member revoked since asking for the code is refused). LoginRefused otherwise."""
        async def claim(session: AsyncSession, now: dt.datetime) -> LoginCode:
            row = await session.scalar(select(LoginCode).where(LoginCode.code_hash == hash_token(code))
                                       .with_for_update())
            if row is None:
                raise LoginRefused("unknown")
            if row.used_at is not None:
                raise LoginRefused("used")
            if row.expires_at <= now:
                raise LoginRefused("expired")
            row.used_at = now
            return row

        used = await self._tx(claim)
        role = await role_of(used.telegram_id)
        if role not in ROLES:
            raise LoginRefused("not_staff")
        token = "pq_" + secrets.token_urlsafe(24)
        name = token_name(used.telegram_id, used.name)

        async def store(session: AsyncSession, now: dt.datetime) -> Session:
            session.add(ApiToken(name=name, token_hash=hash_token(token), role=role, created_by=used.telegram_id,
                                 created_at=now, expires_at=now + SESSION_TTL))
            return Session(token, name, role, used.telegram_id, now + SESSION_TTL)

        return await self._tx(store)

    async def sign_out(self, token: str) -> bool:
        """End a page's session (only a session token: a /token one is revoked by its admin)."""
        async def fn(session: AsyncSession, now: dt.datetime) -> bool:
            row = await session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token),
                                                              ApiToken.revoked_at.is_(None),
                                                              ApiToken.expires_at.is_not(None)))
            if row is None:
                return False
            row.revoked_at = now
            return True

        return await self._tx(fn)
