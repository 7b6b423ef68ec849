"""Reading contact records: a caseworker's start page and the next action of each case."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES, InquiryStatus
from yorisoi.cases.models import Case, Inquiry
from yorisoi.cases.selectors import cases_for
from yorisoi.contacts.models import ContactRecord
from yorisoi.organizations.models import Membership


class NextAction(TypedDict):
    next_action: str | None
    next_action_on: datetime.date | None
    last_contact_at: datetime.datetime | None


if TYPE_CHECKING:  # django_stubs_ext is a development dependency
    from django_stubs_ext import WithAnnotations

    CaseWithNextAction = WithAnnotations[Case, NextAction]


def with_next_action(cases: QuerySet[Case]) -> QuerySet[CaseWithNextAction]:
    """Annotate each case with the next action of its latest contact record (one query)."""
    latest = ContactRecord.objects.filter(case=OuterRef("pk")).order_by("-occurred_at", "-pk")
    return cases.annotate(
        next_action=Subquery(latest.values("next_action")[:1]),
        next_action_on=Subquery(latest.values("next_action_on")[:1]),
        last_contact_at=Subquery(latest.values("occurred_at")[:1]),
    )


def my_work(member: Membership, *, today: datetime.date | None = None) -> dict[str, Any]:
    """A caseworker's start page: their cases, actions due, the queue, this week's contacts."""
    today = today or timezone.localdate()
    week_start = today - datetime.timedelta(days=today.weekday())
    mine = Q(primary_staff=member) | Q(secondary_staff=member)
    my_cases = with_next_action(cases_for(member).filter(mine, status__in=OPEN_STATUSES))
    due = list(
        my_cases.filter(next_action_on__lte=today + datetime.timedelta(days=7))
        .exclude(next_action="")
        .order_by("next_action_on")[:20]
    )
    return {
        "today": today,
        "my_cases": my_cases.order_by(F("next_action_on").asc(nulls_last=True), "-opened_on")[:30],
        "my_case_count": my_cases.count(),
        # Overdue under a heading of its own, not only in another colour.
        "overdue_actions": [case for case in due if _on(case) < today],
        "due_actions": [case for case in due if _on(case) >= today],
        "waiting_inquiries": Inquiry.objects.for_member(member)
        .filter(status=InquiryStatus.WAITING)
        .order_by("received_at")[:20],
        "contacts_this_week": ContactRecord.objects.for_member(member)
        .filter(staff=member, occurred_at__gte=extensions.as_datetime(week_start))
        .count(),
    }


def _on(case: CaseWithNextAction) -> datetime.date:
    """The day of a due action (the due list filtered on it, so it is never empty)."""
    assert case.next_action_on is not None
    return case.next_action_on
