"""Meetings called off one after another (handbook point 9): counted on the case page and,
from the organization's number on, listed for supervisors.

A run is the cancelled contact records since the last contact that reached the person or the
family (as the long-silence list counts contact). A letter left unanswered neither ends a run
nor adds to it.
"""

from django.db.models import Count, Exists, F, Max, OuterRef
from django.utils.translation import gettext as _

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.contacts.choices import Outcome
from yorisoi.contacts.models import ContactRecord
from yorisoi.contacts.state import REACHING
from yorisoi.due.registry import DueItem


def cancelled_in_a_row(case_ref):
    """The cancelled contacts of a case (a case or ``OuterRef``) with no reaching contact since."""
    reached_since = ContactRecord.objects.filter(
        REACHING, case=OuterRef("case"), occurred_at__gt=OuterRef("occurred_at")
    )
    return ContactRecord.objects.filter(case=case_ref, outcome=Outcome.CANCELLED).filter(
        ~Exists(reached_since)
    )


def cancellation_run(case) -> dict:
    """How many meetings in a row were called off, and the last one (one query)."""
    run = cancelled_in_a_row(case).aggregate(count=Count("pk"), last=Max("occurred_at"))
    return {"count": run["count"], "last": run["last"]}


def panel(case, member) -> dict:
    """The case page's banner: shown from two cancellations in a row; one query."""
    run = cancellation_run(case)
    limit = member.organization.cancellation_alert_count
    return {**run, "listed": case.status in OPEN_STATUSES and run["count"] >= limit}


def due_items(member, today) -> list[DueItem]:
    """Cases whose run reached the organization's number (supervisors; one query, from each
    case's contact state rather than a count over every contact record)."""
    limit = member.organization.cancellation_alert_count
    cases = (
        cases_in_scope(member)
        .annotate(cancellations=F("contact_state__cancelled_in_a_row"))
        .filter(cancellations__gte=limit)
        .select_related("person")
        .order_by("-cancellations", "pk")[:50]
    )
    return [
        DueItem(
            "cancellations",
            case,
            None,
            _("Meetings called off %(n)s times in a row") % {"n": case.cancellations},
        )
        for case in cases
    ]
