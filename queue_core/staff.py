"""Staff and admin records: roles from invite codes, remembered channels, the audit log, API tokens.

Config ids (roles.admins / roles.staff) always win; the `staff` table adds people who claimed an
invite code. Every privileged action, allowed or refused, is one AuditLog row.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from .clock import Store, transaction
from .models import ApiToken, AuditLog, InviteCode, StaffMember

ROLES = ("staff", "admin")
INVITE_TTL = dt.timedelta(hours=48)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the counter


class InviteError(Exception):
    """code: unknown | used | expired"""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    role: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class StaffStore(Store):
    @transaction
    async def roles(self, session: AsyncSession, now: dt.datetime) -> dict[int, str]:
        """Every invite-claimed staff member and their role."""
        rows = await session.execute(select(StaffMember.telegram_id, StaffMember.role).where(StaffMember.source == "invite"))
        return {int(i): r for i, r in rows}

    @transaction
    async def role_of(self, session: AsyncSession, now: dt.datetime, user_id: int) -> str | None:
        return await session.scalar(
            select(StaffMember.role).where(StaffMember.telegram_id == user_id, StaffMember.source == "invite"))

    @transaction
    async def members(self, session: AsyncSession, now: dt.datetime) -> list[tuple[int, str, str]]:
        """(telegram id, role, name) of every invite-claimed staff member, admins first."""
        rows = await session.execute(
            select(StaffMember.telegram_id, StaffMember.role, StaffMember.name)
            .where(StaffMember.source == "invite").order_by(StaffMember.role, StaffMember.name))
        return [(int(i), r, n or "") for i, r, n in rows]

    @transaction
    async def revoke(self, session: AsyncSession, now: dt.datetime, user_id: int) -> tuple[str, str] | None:
        """Take an invite-claimed role away (the user is a patient again), and end their counter page
        sessions: (role, name) it had, or None when the user had none (roles listed in config.yaml
        are changed in the file)."""
        member = await session.get(StaffMember, user_id, with_for_update=True)
        if member is None or member.source != "invite":
            return None
        before = (member.role, member.name or "")
        await session.delete(member)
        await session.execute(update(ApiToken).where(  # their counter page sessions end with the role
            ApiToken.created_by == user_id, ApiToken.expires_at.is_not(None), ApiToken.revoked_at.is_(None))
            .values(revoked_at=now))
        return before

    @transaction
    async def create_invite(self, session: AsyncSession, now: dt.datetime, role: str, created_by: int) -> str:
        if role not in ROLES:
            raise ValueError(role)
        code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        session.add(InviteCode(code=code, role=role, created_by=created_by, created_at=now,
                               expires_at=now + INVITE_TTL))
        return code

    @transaction
    async def claim_invite(self, session: AsyncSession, now: dt.datetime, code: str, user_id: int, name: str) -> str:
        """Use a code once: the user becomes staff/admin. Returns the role."""
        invite = await session.scalar(select(InviteCode).where(InviteCode.code == code.strip().upper()).with_for_update())
        if invite is None:
            raise InviteError("unknown")
        if invite.claimed_by is not None:
            raise InviteError("used")
        if invite.expires_at < now:
            raise InviteError("expired")
        invite.claimed_by, invite.claimed_at = user_id, now
        member = await session.get(StaffMember, user_id)
        if member is None:
            session.add(StaffMember(telegram_id=user_id, role=invite.role, name=name, source="invite", created_at=now))
        else:
            member.role, member.source, member.name = invite.role, "invite", name or member.name
        return invite.role

    @transaction
    async def channel_of(self, session: AsyncSession, now: dt.datetime, user_id: int) -> str | None:
        return await session.scalar(select(StaffMember.channel).where(StaffMember.telegram_id == user_id))

    @transaction
    async def remember_channel(self, session: AsyncSession, now: dt.datetime,
                               user_id: int, channel: str, role: str, name: str = "") -> None:
        """Remember the channel; a config-listed member gets a row (source 'config') on first use."""
        member = await session.get(StaffMember, user_id)
        if member is None:
            session.add(StaffMember(telegram_id=user_id, role=role, name=name, channel=channel,
                                    source="config", created_at=now))
        else:
            member.channel = channel

    @transaction
    async def audit(self, session: AsyncSession, now: dt.datetime, actor_id: int | None, action: str, *,
                    allowed: bool = True, target: str | None = None, detail: dict[str, Any] | None = None) -> None:
        session.add(AuditLog(at=now, actor_id=actor_id, action=action[:32], allowed=allowed,
                             target=None if target is None else str(target)[:64], detail=detail or {}))

    @transaction
    async def create_token(self, session: AsyncSession, now: dt.datetime, name: str, role: str, created_by: int) -> str:
        """A new token, shown once; only its hash is stored."""
        if role not in ROLES:
            raise ValueError(role)
        token = "pq_" + secrets.token_urlsafe(24)
        session.add(ApiToken(name=name[:64], token_hash=hash_token(token), role=role,
                             created_by=created_by, created_at=now))
        return token

    @transaction
    async def check_token(self, session: AsyncSession, now: dt.datetime, token: str) -> TokenInfo | None:
        row = await session.scalar(select(ApiToken).where(
            ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None),
            or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > now))) if token else None
        return None if row is None else TokenInfo(row.id, row.name, row.role)

    @transaction
    async def revoke_tokens(self, session: AsyncSession, now: dt.datetime, name: str) -> int:
        result = await session.execute(
            update(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None)).values(revoked_at=now))
        return cast(CursorResult, result).rowcount or 0
