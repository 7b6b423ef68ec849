"""What handovers add to the case page (banner, side panel, timeline) and the start page."""

from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.core.roles import Role
from yorisoi.handovers.models import Handover
from yorisoi.handovers.selectors import pending_for_case, to_acknowledge


def banner(case, member) -> dict:
    """While the new worker has not acknowledged the handover, the case says so."""
    return {"pending": pending_for_case(case)}


def side(case, member) -> dict:
    return {
        "recent": list(
            Handover.objects.filter(case=case)
            .select_related("from_staff__user", "to_staff__user")
            .defer("summary")[:3]
        )
    }


def _handovers(case, before, limit):
    rows = Handover.objects.filter(case=case, **({"created_at__lt": before} if before else {}))
    rows = rows.select_related("from_staff__user", "to_staff__user", "acknowledged_by__user")
    return [(h.created_at, h) for h in rows.defer("summary").order_by("-created_at")[:limit]]


def home(member) -> dict:
    """Handovers the member has to read and acknowledge; supervisors also see all pending."""
    mine = list(to_acknowledge(member)[:20])
    is_supervisor = member.role == Role.SUPERVISOR
    waiting = Handover.objects.for_member(member).pending().count() if is_supervisor else 0
    return {"mine": mine, "is_supervisor": is_supervisor, "waiting": waiting}


def register() -> None:
    from yorisoi.core.home import register_panel

    extensions.register_panel(
        extensions.CasePanel("handovers/panels/banner.html", banner, "banner", 5)
    )
    extensions.register_panel(extensions.CasePanel("handovers/panels/side.html", side, "side", 40))
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "handover",
            _("Handovers"),
            _handovers,
            "handovers/includes/timeline_handover.html",
            60,
        )
    )
    register_panel("handovers/panels/home.html", home, model="handovers.Handover", order=4)
