"""Reading cases: the list, matching people, the case timeline, a caseworker's work."""

import datetime
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES, InquiryStatus
from yorisoi.cases.models import Case, CaseEvent, Inquiry, Person
from yorisoi.consents.models import Consent
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.roles import Action
from yorisoi.core.text import normalize_name


def cases_for(member, action: str = Action.VIEW):
    """Cases the member may reach, with what the list shows loaded in the same query."""
    return Case.objects.for_member(member, action).select_related(
        "person", "primary_staff__user", "secondary_staff__user"
    )


def matching_people(member, *, name: str = "", name_kana: str = "", birth_date=None):
    """People already known who may be the one an inquiry is about (to avoid duplicates).

    Matches on the normalized name or furigana (width, case and kana insensitive) and, when
    given, the date of birth; a birth date that differs rules a name match out.
    """
    people = Person.objects.for_member(member)
    keys = [k for k in (normalize_name(name_kana), normalize_name(name)) if k]
    if not keys and birth_date is None:
        return people.none()
    condition = Q()
    for key in keys:
        condition |= Q(name_search__contains=key)
    if birth_date is not None:
        by_date = Q(birth_date=birth_date)
        condition = (
            (condition & (Q(birth_date__isnull=True) | by_date)) | by_date if keys else by_date
        )
    return people.filter(condition).prefetch_related("cases")[:10]


@dataclass
class TimelineEntry:
    kind: str
    kind_label: str
    at: datetime.datetime
    obj: object
    template: str


def case_timeline(
    case: Case, *, kinds=None, limit: int = 30, before: datetime.datetime | None = None
) -> list[TimelineEntry]:
    """Everything recorded for the case, newest first: one query per kind, whatever the size.

    Kinds come from the registry in ``cases.extensions``; ``before`` pages back.
    """
    entries = [
        TimelineEntry(kind.key, kind.label, at, obj, kind.template)
        for kind in extensions.timeline_kinds()
        if not kinds or kind.key in kinds
        for at, obj in kind.entries(case, before, limit)
    ]
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


def _contacts(case, before, limit):
    rows = ContactRecord.objects.filter(
        case=case, **({"occurred_at__lt": before} if before else {})
    )
    rows = rows.prefetch_related("staff__user", "with_members").order_by("-occurred_at", "-pk")
    return [(c.occurred_at, c) for c in rows[:limit]]


def _consents(case, before, limit):
    # Consents sit at the start of their (local) day; compare that moment, not a UTC date.
    rows = Consent.objects.filter(
        case=case, **({"given_on__lte": timezone.localtime(before).date()} if before else {})
    ).select_related("given_by_member")[: limit + 1]
    entries = [(extensions.as_datetime(c.given_on), c) for c in rows]
    return [(at, c) for at, c in entries if before is None or at < before][:limit]


def _events(case, before, limit):
    rows = CaseEvent.objects.filter(case=case, **({"occurred_at__lt": before} if before else {}))
    return [(e.occurred_at, e) for e in rows.select_related("by__user")[:limit]]


def _inquiries(case, before, limit):
    rows = Inquiry.objects.filter(case=case, **({"received_at__lt": before} if before else {}))
    return [(i.received_at, i) for i in rows[:limit]]


for _kind in [
    extensions.TimelineKind(
        "contact", _("Contact records"), _contacts, "cases/includes/timeline_contact.html", 10
    ),
    extensions.TimelineKind(
        "consent", _("Consents"), _consents, "cases/includes/timeline_consent.html", 20
    ),
    extensions.TimelineKind(
        "event", _("Case events"), _events, "cases/includes/timeline_event.html", 80
    ),
    extensions.TimelineKind(
        "inquiry", _("Inquiries"), _inquiries, "cases/includes/timeline_inquiry.html", 90
    ),
]:
    extensions.register_timeline_kind(_kind)


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
