"""Checks every service starts with: may this actor act, and on this organization's record?

An actor is a staff Membership, or a CommandActor: an installation command (an import, the
demo) acting for one organization, which is trusted by whoever could run the command.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models

from yorisoi.core.roles import Action, Role
from yorisoi.core.scoping import Member, Scoped

_Staff = TypeVar("_Staff")


class Owned(Protocol):
    """A record that belongs to one organization."""

    @property
    def organization_id(self) -> int | None: ...


@dataclass(frozen=True)
class CommandActor:
    """A command acting for one organization; not a person, so it fills no staff field."""

    organization: models.Model
    via: str
    is_active = True

    @property
    def organization_id(self) -> int:
        pk: int = self.organization.pk
        return pk


def staff_of(actor: _Staff | CommandActor) -> _Staff | None:
    """The membership to record as the one who did it (None for a command)."""
    return None if isinstance(actor, CommandActor) else actor


def require(
    member: Member | CommandActor | None, model: type[Scoped], action: str = Action.CHANGE
) -> None:
    """The member's role allows the action on the model, else PermissionDenied."""
    if isinstance(member, CommandActor):
        return
    if not model.access_policy.allows(member, action):
        raise PermissionDenied


def require_supervisor(actor: Member | CommandActor | None) -> None:
    """Decisions only a supervisor takes (approvals, emergencies, reassignment)."""
    if getattr(actor, "role", None) != Role.SUPERVISOR:
        raise PermissionDenied


def require_own(member: Member | CommandActor, *objects: Owned | None) -> None:
    """Every object belongs to the member's organization (no cross-organization writes)."""
    for obj in objects:
        if obj is not None and obj.organization_id != member.organization_id:
            raise PermissionDenied


def apply_fields(
    instance: models.Model, fields: Mapping[str, object], allowed: frozenset[str] | set[str]
) -> list[str]:
    """Set the allowed fields on the instance; the names that really changed are returned."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"cannot set {sorted(unknown)} on {type(instance).__name__}")
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
