"""Who is acting right now, for the audit log: a request, or a named command."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from axes.helpers import get_client_ip_address
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.http import HttpRequest

from yorisoi.core.scoping import Member


@dataclass
class AuditContext:
    request: HttpRequest | None = None
    actor: AbstractBaseUser | None = None  # a user, when no request carries one
    organization_id: int | None = None
    via: str = ""  # e.g. "command:import" when no request is involved

    def current_actor(self) -> AbstractBaseUser | None:
        # A request has no user before AuthenticationMiddleware has run.
        user: AbstractBaseUser | AnonymousUser | None = (
            getattr(self.request, "user", None) if self.request is not None else self.actor
        )
        if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
            return None
        return user

    def current_organization_id(self) -> int | None:
        # Set by the organizations app's middleware (or API authentication) when signed in.
        member: Member | None = getattr(self.request, "member", None)
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
def acting(
    *,
    request: HttpRequest | None = None,
    actor: AbstractBaseUser | None = None,
    organization: models.Model | int | None = None,
    via: str = "",
) -> Iterator[None]:
    """Attribute audit events inside the block to this request, or to this user and command."""
    token = _current.set(
        AuditContext(
            request=request,
            actor=actor,
            organization_id=(
                organization.pk if isinstance(organization, models.Model) else organization
            ),
            via=via,
        )
    )
    try:
        yield
    finally:
        _current.reset(token)
