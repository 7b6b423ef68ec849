"""What programs add to the case page: the sessions a case's people came to (with consent)."""

from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.core.bundle import Rows
from yorisoi.programs.models import Attendance


def _attendances(before, limit):
    # Dates sit at the start of their (local) day: the page drops those not before ``before``.
    rows = Attendance.objects.filter(
        case=OuterRef("pk"),
        **({"on__lte": timezone.localtime(before).date()} if before else {}),
    ).order_by("-on", "-pk")
    return Rows(rows.select_related("session__program", "household_member")[: limit + 1])


def register() -> None:
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "attendance",
            _("Programs attended"),
            _attendances,
            "on",
            "programs/includes/timeline_attendance.html",
            45,
        )
    )
