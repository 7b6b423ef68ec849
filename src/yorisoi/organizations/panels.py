"""The start page of members who do not work on cases: who they work with and whom to ask."""

from typing import Any

from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership


def colleagues_home(member: Membership) -> dict[str, Any]:
    """The supervisors and caseworkers of the organization, to ask about a person or a visit."""
    staff = (
        Membership.objects.for_member(member)
        .filter(is_active=True, role__in=[Role.SUPERVISOR, Role.CASEWORKER])
        .select_related("user")
        .order_by("role", "user__full_name_kana", "user__full_name")
    )
    return {"organization": member.organization, "colleagues": staff[:20]}


def register() -> None:
    from yorisoi.core.home import register_panel

    register_panel(
        "organizations/panels/home.html",
        colleagues_home,
        model="organizations.Membership",
        order=70,
        roles=frozenset({Role.CLERK, Role.SUPPORTER}),
    )
