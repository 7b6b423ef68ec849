"""Reading cases: the list, the cases a member answers for, matching people, the timeline."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import OuterRef, Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case, CaseEvent, FollowUp, HouseholdMember, Inquiry, Intake, Person
from yorisoi.core import bundle
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Action, Role
from yorisoi.core.scoping import Member, TenantQuerySet
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def cases_for(member: Membership, action: str = Action.VIEW) -> TenantQuerySet[Case]:
    """Cases the member may reach, with what the list shows loaded in the same query."""
    return Case.objects.for_member(member, action).select_related(
        "person", "primary_staff__user", "secondary_staff__user"
    )


def cases_in_scope(member: Membership, *, open_only: bool = True) -> TenantQuerySet[Case]:
    """Cases the member answers for (the due lists): all of them for a supervisor, else their own."""
    cases = Case.objects.for_member(member)
    if open_only:
        cases = cases.filter(status__in=OPEN_STATUSES)
    if member.role != Role.SUPERVISOR:
        cases = cases.filter(Q(primary_staff=member) | Q(secondary_staff=member))
    return cases


def matching_people(
    member: Member | None,
    *,
    name: str = "",
    name_kana: str = "",
    birth_date: datetime.date | None = None,
) -> TenantQuerySet[Person]:
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
    kind_label: StrOrPromise
    at: datetime.datetime
    obj: object
    template: str


@dataclass
class CasePage:
    """What the case page (or a print of it) shows beside the case: fetched in one query."""

    timeline: list[TimelineEntry]
    panels: dict[str, list[dict[str, Any]]]  # position -> the panels' contexts, with ``template``
    found: dict[str, list[Any]]


def _core_needs(case: Case) -> dict[str, Rows]:
    return {
        "cases.household_members": Rows(
            HouseholdMember.objects.filter(household=OuterRef("household_id"))
        ),
        "cases.follow_ups": Rows(FollowUp.objects.filter(case=OuterRef("pk"), ended_on=None)),
        "cases.intake": Rows(Intake.objects.filter(case=OuterRef("pk")), fields=()),
    }


def case_page(
    case: Case,
    member: Membership,
    *,
    positions: Sequence[str] = ("banner", "main", "side"),
    kinds: Collection[str] | None = None,
    before: datetime.datetime | None = None,
    limit: int = 0,
) -> CasePage:
    """The panels at ``positions`` and ``limit`` timeline entries (``kinds``, before ``before``).

    Every panel and timeline kind says what it needs; all of it comes in one query however
    much the case holds (panels registered without ``needs`` query on their own). The
    timeline takes a second: the first brings each kind's newest rows alone (no related rows),
    enough to place them; the second the shown entries with everything their templates use.
    """
    chosen = [
        kind for kind in extensions.timeline_kinds() if limit and (not kinds or kind.key in kinds)
    ]
    panels = {position: extensions.panels(position) for position in positions}
    needs = _core_needs(case)
    for kind in chosen:
        needs[f"timeline.{kind.key}"] = _placing(kind, kind.rows(before, limit))
    for panel in (p for group in panels.values() for p in group):
        if panel.needs is not None:
            needs.update(panel.needs(case, member))
    found = bundle.fetch(Case.objects.filter(pk=case.pk), needs)
    moments = [
        (kind.moment_of(obj), kind, obj.pk)
        for kind in chosen
        for obj in found.pop(f"timeline.{kind.key}")
    ]
    placed = sorted(
        (entry for entry in moments if before is None or entry[0] < before),
        key=lambda entry: entry[0],
        reverse=True,
    )[:limit]
    shown: dict[str, list[Any]] = {}
    for _at, kind, pk in placed:
        shown.setdefault(kind.key, []).append(pk)
    rows = {
        f"timeline.{kind.key}": _only(kind.rows(before, limit), shown[kind.key])
        for kind in chosen
        if kind.key in shown
    }
    full = bundle.fetch(Case.objects.filter(pk=case.pk), rows) if rows else {}
    entries = [
        TimelineEntry(kind.key, kind.label, kind.moment_of(obj), obj, kind.template)
        for kind in chosen
        for obj in full.get(f"timeline.{kind.key}", [])
    ]
    # The same order as the placing: by moment, ties in the kinds' order and each kind's own.
    entries.sort(key=lambda e: e.at, reverse=True)
    contexts = {
        position: [
            {
                "template": p.template,
                **(
                    p.context(case, member, found)
                    if p.needs is not None
                    else p.context(case, member)
                ),
            }
            for p in group
        ]
        for position, group in panels.items()
    }
    return CasePage(entries, contexts, found)


def _placing(kind: extensions.TimelineKind, rows: Rows) -> Rows:
    """A timeline kind's rows with only the column that places them (and the key): not the
    whole rows, related rows and lists the entry's template needs."""
    return Rows(rows.queryset.select_related(None), fields=(kind.moment,))


def _only(rows: Rows, pks: list[Any]) -> Rows:
    """A timeline kind's rows with everything they need, for the entries ``pks`` only."""
    queryset = rows.queryset.all()
    queryset.query.clear_limits()
    return Rows(queryset.filter(pk__in=pks), rows.related, rows.many, rows.fields)


def _events(before: datetime.datetime | None, limit: int) -> Rows:
    rows = CaseEvent.objects.filter(case=OuterRef("pk"), **_before("occurred_at", before))
    return Rows(rows.select_related("by__user")[:limit])


def _inquiries(before: datetime.datetime | None, limit: int) -> Rows:
    return Rows(
        Inquiry.objects.filter(case=OuterRef("pk"), **_before("received_at", before))[:limit]
    )


def _before(name: str, moment: datetime.datetime | None) -> dict[str, datetime.datetime]:
    return {f"{name}__lt": moment} if moment else {}


for _kind in [
    extensions.TimelineKind(
        "event",
        _("Case events"),
        _events,
        "occurred_at",
        "cases/includes/timeline_event.html",
        80,
    ),
    extensions.TimelineKind(
        "inquiry",
        _("Inquiries"),
        _inquiries,
        "received_at",
        "cases/includes/timeline_inquiry.html",
        90,
    ),
]:
    extensions.register_timeline_kind(_kind)
