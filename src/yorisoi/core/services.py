"""Checks every service starts with: may this actor act, and on this organization's record?

An actor is a staff Membership, or a CommandActor: an installation command (an import, the
demo) acting for one organization, which is trusted by whoever could run the command.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from yorisoi.core.roles import Action, Role


@dataclass(frozen=True)
class CommandActor:
    """A command acting for one organization; not a person, so it fills no staff field."""

    organization: object
    via: str
    is_active = True

    @property
    def organization_id(self) -> int:
        return self.organization.pk


def staff_of(actor):
    """The membership to record as the one who did it (None for a command)."""
    return None if isinstance(actor, CommandActor) else actor


def require(member, model, action: str = Action.CHANGE) -> None:
    """The member's role allows the action on the model, else PermissionDenied."""
    if isinstance(member, CommandActor):
        return
    if not model.access_policy.allows(member, action):
        raise PermissionDenied


def require_supervisor(actor) -> None:
    """Decisions only a supervisor takes (approvals, emergencies, reassignment)."""
    if getattr(actor, "role", None) != Role.SUPERVISOR:
        raise PermissionDenied


def require_own(member, *objects) -> None:
    """Every object belongs to the member's organization (no cross-organization writes)."""
    for obj in objects:
        if obj is not None and obj.organization_id != member.organization_id:
            raise PermissionDenied


def apply_fields(instance, fields: dict, allowed: frozenset[str] | set[str]) -> list[str]:
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
