"""What the directory puts on the start page: for the clerk, whose work it is to keep it."""

from typing import Any

from yorisoi.agencies.models import Agency
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership


def directory_home(member: Membership) -> dict[str, Any]:
    """The directory's size and its entries changed last (shared ones included)."""
    usable = Agency.objects.usable_by(member.organization).select_related("organization")
    return {
        "agency_count": usable.count(),
        "own_count": usable.filter(organization=member.organization).count(),
        "recent": usable.order_by("-updated_at", "-pk")[:6],
    }


def register() -> None:
    from yorisoi.core.home import register_panel

    register_panel(
        "agencies/panels/home.html",
        directory_home,
        model="agencies.Agency",
        order=60,
        roles=frozenset({Role.CLERK}),
    )
