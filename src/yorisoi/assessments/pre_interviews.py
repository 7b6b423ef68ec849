"""Pre-interviews on the case timeline."""

from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.models import PreInterview
from yorisoi.cases import extensions
from yorisoi.core.bundle import Rows


def _pre_interviews(before, limit):
    rows = PreInterview.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows.select_related("held_by__user")[:limit], many=("with_members",))


def register() -> None:
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "pre_interview",
            _("Pre-interviews"),
            _pre_interviews,
            "held_on",
            "assessments/includes/timeline_pre_interview.html",
            28,
        )
    )
