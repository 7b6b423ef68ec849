"""What handovers add to the case page (banner, side panel, timeline) and the start page."""

from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Role
from yorisoi.handovers.models import Handover
from yorisoi.handovers.selectors import to_acknowledge


def banner_needs(case, member) -> dict:
    pending = Handover.objects.filter(case=OuterRef("pk")).pending().order_by("-pk")
    return {
        "handovers.pending": Rows(pending.select_related("to_staff__user", "from_staff__user")[:1])
    }


def banner(case, member, found) -> dict:
    """While the new worker has not acknowledged the handover, the case says so."""
    return {"pending": next(iter(found["handovers.pending"]), None)}


def side_needs(case, member) -> dict:
    recent = Handover.objects.filter(case=OuterRef("pk")).select_related(
        "from_staff__user", "to_staff__user"
    )
    return {"handovers.recent": Rows(recent[:3])}


def side(case, member, found) -> dict:
    return {"recent": found["handovers.recent"]}


def _handovers(before, limit):
    rows = Handover.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    rows = rows.select_related("from_staff__user", "to_staff__user", "acknowledged_by__user")
    return Rows(rows.order_by("-created_at", "-pk")[:limit])


def home(member) -> dict:
    """Handovers the member has to read and acknowledge; supervisors also see all pending."""
    mine = list(to_acknowledge(member)[:20])
    is_supervisor = member.role == Role.SUPERVISOR
    waiting = Handover.objects.for_member(member).pending().count() if is_supervisor else 0
    return {"mine": mine, "is_supervisor": is_supervisor, "waiting": waiting}


def register() -> None:
    from yorisoi.core.home import register_panel

    extensions.register_panel(
        extensions.CasePanel(
            "handovers/panels/banner.html", banner, "banner", 5, needs=banner_needs
        )
    )
    extensions.register_panel(
        extensions.CasePanel("handovers/panels/side.html", side, "side", 40, needs=side_needs)
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "handover",
            _("Handovers"),
            _handovers,
            "created_at",
            "handovers/includes/timeline_handover.html",
            60,
        )
    )
    register_panel("handovers/panels/home.html", home, model="handovers.Handover", order=4)
