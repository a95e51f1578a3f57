"""Who is patient, staff or admin: config ids (roles.admins / roles.staff) first, then the
database (people who claimed an invite code, queue_core.staff.StaffStore). RoleResolver.role_of
is the one entry point."""
from __future__ import annotations

import enum

from settings import Settings


class Role(str, enum.Enum):
    PATIENT = "patient"
    STAFF = "staff"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
STAFF_ROLES = frozenset({Role.STAFF, Role.ADMIN})


class RoleResolver:
    """Resolve a Telegram user id to a role. Admin wins over staff; everyone else is a patient."""

    def __init__(self, admin_ids: frozenset[int] = frozenset(), staff_ids: frozenset[int] = frozenset(),
                 store=None) -> None:
        self.admin_ids = frozenset(admin_ids)
        self.staff_ids = frozenset(staff_ids) - self.admin_ids
        self.store = store  # queue_core.staff.StaffStore (or None: config only)

    def attach(self, store) -> None:
        self.store = store

    def reload(self, settings: Settings) -> None:
        self.admin_ids = frozenset(settings.admin_ids)
        self.staff_ids = frozenset(settings.staff_ids) - self.admin_ids

    @classmethod
    def from_settings(cls, settings: Settings) -> "RoleResolver":
        return cls(settings.admin_ids, settings.staff_ids)

    async def role_of(self, user_id: int) -> Role:
        if user_id in self.admin_ids:
            return Role.ADMIN
        if user_id in self.staff_ids:
            return Role.STAFF
        if self.store is not None:
            role = await self.store.role_of(user_id)
            if role is not None:
                return Role(role)
        return Role.PATIENT

    async def privileged(self) -> dict[int, Role]:
        """Every user with a role above patient (for publishing per-chat menus)."""
        stored = await self.store.roles() if self.store is not None else {}
        return {**{i: Role(r) for i, r in stored.items()},
                **{i: Role.STAFF for i in self.staff_ids}, **{i: Role.ADMIN for i in self.admin_ids}}
