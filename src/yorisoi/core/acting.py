"""Who is acting right now, for the audit log: a request, or a named command."""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

from axes.helpers import get_client_ip_address


@dataclass
class AuditContext:
    request: object | None = None
    actor: object | None = None  # a user, when no request carries one
    organization_id: int | None = None
    via: str = ""  # e.g. "command:import" when no request is involved

    def current_actor(self):
        user = getattr(self.request, "user", None) if self.request is not None else self.actor
        return user if user is not None and user.is_authenticated else None

    def current_organization_id(self) -> int | None:
        member = getattr(self.request, "member", None)
        return member.organization_id if member is not None else self.organization_id

    def ip_address(self) -> str | None:
        return get_client_ip_address(self.request) if self.request is not None else None

    def path(self) -> str:
        return self.request.path[:500] if self.request is not None else self.via


_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "yorisoi_audit_context", default=None
)
_SYSTEM = AuditContext(via="system")


def current() -> AuditContext:
    return _current.get() or _SYSTEM


@contextmanager
def acting(*, request=None, actor=None, organization=None, via: str = ""):
    """Attribute audit events inside the block to this request, or to this user and command."""
    token = _current.set(
        AuditContext(
            request=request,
            actor=actor,
            organization_id=getattr(organization, "pk", organization),
            via=via,
        )
    )
    try:
        yield
    finally:
        _current.reset(token)
