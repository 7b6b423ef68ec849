"""Reading cases: the list, the cases a member answers for, matching people, the timeline."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case, CaseEvent, Inquiry, Person
from yorisoi.core.roles import Action, Role
from yorisoi.core.text import normalize_name


def cases_for(member, action: str = Action.VIEW):
    """Cases the member may reach, with what the list shows loaded in the same query."""
    return Case.objects.for_member(member, action).select_related(
        "person", "primary_staff__user", "secondary_staff__user"
    )


def cases_in_scope(member, *, open_only: bool = True):
    """Cases the member answers for (the due lists): all of them for a supervisor, else their own."""
    cases = Case.objects.for_member(member)
    if open_only:
        cases = cases.filter(status__in=OPEN_STATUSES)
    if member.role != Role.SUPERVISOR:
        cases = cases.filter(Q(primary_staff=member) | Q(secondary_staff=member))
    return cases


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


def _events(case, before, limit):
    rows = CaseEvent.objects.filter(case=case, **({"occurred_at__lt": before} if before else {}))
    return [(e.occurred_at, e) for e in rows.select_related("by__user")[:limit]]


def _inquiries(case, before, limit):
    rows = Inquiry.objects.filter(case=case, **({"received_at__lt": before} if before else {}))
    return [(i.received_at, i) for i in rows[:limit]]


for _kind in [
    extensions.TimelineKind(
        "event", _("Case events"), _events, "cases/includes/timeline_event.html", 80
    ),
    extensions.TimelineKind(
        "inquiry", _("Inquiries"), _inquiries, "cases/includes/timeline_inquiry.html", 90
    ),
]:
    extensions.register_timeline_kind(_kind)
