"""Reading contact records: a caseworker's start page and the next action of each case."""

import datetime

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES, InquiryStatus
from yorisoi.cases.models import Inquiry
from yorisoi.cases.selectors import cases_for
from yorisoi.contacts.models import ContactRecord


def with_next_action(cases):
    """Annotate each case with the next action of its latest contact record (one query)."""
    latest = ContactRecord.objects.filter(case=OuterRef("pk")).order_by("-occurred_at", "-pk")
    return cases.annotate(
        next_action=Subquery(latest.values("next_action")[:1]),
        next_action_on=Subquery(latest.values("next_action_on")[:1]),
        last_contact_at=Subquery(latest.values("occurred_at")[:1]),
    )


def my_work(member, *, today: datetime.date | None = None) -> dict:
    """A caseworker's start page: their cases, actions due, the queue, this week's contacts."""
    today = today or timezone.localdate()
    week_start = today - datetime.timedelta(days=today.weekday())
    mine = Q(primary_staff=member) | Q(secondary_staff=member)
    my_cases = with_next_action(cases_for(member).filter(mine, status__in=OPEN_STATUSES))
    return {
        "today": today,
        "my_cases": my_cases.order_by(F("next_action_on").asc(nulls_last=True), "-opened_on")[:30],
        "my_case_count": my_cases.count(),
        "due_actions": my_cases.filter(next_action_on__lte=today + datetime.timedelta(days=7))
        .exclude(next_action="")
        .order_by("next_action_on")[:20],
        "waiting_inquiries": Inquiry.objects.for_member(member)
        .filter(status=InquiryStatus.WAITING)
        .order_by("received_at")[:20],
        "contacts_this_week": ContactRecord.objects.for_member(member)
        .filter(staff=member, occurred_at__gte=extensions.as_datetime(week_start))
        .count(),
    }
