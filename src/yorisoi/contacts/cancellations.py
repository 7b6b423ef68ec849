"""Meetings called off one after another (handbook point 9): counted on the case page and,
from the organization's number on, listed for supervisors.

A run is the cancelled contact records since the last contact that reached the person or the
family (as the long-silence list counts contact). A letter left unanswered neither ends a run
nor adds to it. Each case's run is kept by contacts.state, for the banner and the due list alike.
"""

from django.db.models import F, OuterRef
from django.utils.translation import gettext as _

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.contacts.models import CaseContactState
from yorisoi.core.bundle import Rows
from yorisoi.due.registry import DueItem, DueRows


def panel_needs(case, member) -> dict[str, Rows]:
    """The case's contact state (contacts.state), fetched with the rest of the case page."""
    return {"contacts.state": Rows(CaseContactState.objects.filter(case=OuterRef("pk")))}


def panel(case, member, found) -> dict:
    """The case page's banner: shown from two cancellations in a row."""
    state = next(iter(found["contacts.state"]), None)
    count = state.cancelled_in_a_row if state is not None else 0
    limit = member.organization.cancellation_alert_count
    return {
        "count": count,
        "last": state.last_cancelled_at if state is not None else None,
        "listed": case.status in OPEN_STATUSES and count >= limit,
    }


def due_rows(member, today) -> DueRows:
    """Cases whose run reached the organization's number (supervisors; one query, from each
    case's contact state rather than a count over every contact record)."""
    limit = member.organization.cancellation_alert_count
    cases = (
        cases_in_scope(member)
        .annotate(cancellations=F("contact_state__cancelled_in_a_row"))
        .filter(cancellations__gte=limit)
        .select_related("person")
        .order_by("-cancellations", "pk")
    )
    return DueRows(
        cases,
        lambda case: DueItem(
            "cancellations",
            case,
            None,
            _("Meetings called off %(n)s times in a row") % {"n": case.cancellations},
        ),
    )
