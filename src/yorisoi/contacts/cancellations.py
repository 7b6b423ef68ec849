"""Meetings called off one after another (handbook point 9): counted on the case page and,
from the organization's number on, listed for supervisors.

A run is the cancelled contact records since the last contact that reached the person or the
family (as the long-silence list counts contact). A letter left unanswered neither ends a run
nor adds to it.
"""

from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.contacts.choices import NOT_REACHED, Outcome, Reached
from yorisoi.contacts.models import ContactRecord
from yorisoi.due.registry import DueItem

REACHING = Q(reached__in=[Reached.PERSON, Reached.FAMILY, Reached.PERSON_AND_FAMILY]) & ~Q(
    outcome__in=NOT_REACHED
)


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


def cases_with_runs(member):
    """Open cases in the member's scope, each with the length of its current run."""
    counted = (
        cancelled_in_a_row(OuterRef("pk"))
        .order_by()
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return cases_in_scope(member).annotate(cancellations=Subquery(counted))


def due_items(member, today) -> list[DueItem]:
    """Cases whose run reached the organization's number (supervisors; one query)."""
    limit = member.organization.cancellation_alert_count
    cases = (
        cases_with_runs(member)
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
