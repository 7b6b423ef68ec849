"""The start page, assembled from panels the apps register, and the health check."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

from yorisoi.core.dates import fiscal_year_of
from yorisoi.core.scoping import Member, scoped
from yorisoi.core.views import MemberRequiredMixin, request_member

_Member = TypeVar("_Member", bound=Member)


@dataclass(frozen=True)
class Panel:
    template: str
    # Called with the request's member: the organizations app's Membership, which this layer
    # cannot name (register_panel checks that the function takes some Member).
    context: Callable[[Any], dict[str, Any]]
    model: str  # whose view policy decides who sees the panel
    order: int
    roles: frozenset[str] | None = None  # only for these roles (None: all the policy lets in)


_panels: list[Panel] = []


def register_panel(
    template: str,
    context: Callable[[_Member], dict[str, Any]],
    *,
    model: str,
    order: int = 50,
    roles: frozenset[str] | None = None,
) -> None:
    """Put a panel on the start page of every member whose role may view ``model`` (and is
    one of ``roles``, for a panel meant for some roles' work only)."""
    panel = Panel(template, context, model, order, roles)
    if panel not in _panels:
        _panels.append(panel)


class HomeView(MemberRequiredMixin, TemplateView):
    """Where a member lands after signing in: the panels their role may see."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        member = request_member(self.request)
        assert member is not None, "MemberRequiredMixin.dispatch answers 403 without one"
        today = timezone.localdate()
        panels = [
            {"template": p.template, **p.context(member)}
            for p in sorted(_panels, key=lambda p: p.order)
            if (p.roles is None or member.role in p.roles)
            and scoped(apps.get_model(p.model)).access_policy.allows(member, "view")
        ]
        return super().get_context_data(
            today=today, fiscal_year=fiscal_year_of(today), panels=panels, **kwargs
        )


def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
