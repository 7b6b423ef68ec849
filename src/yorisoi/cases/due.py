"""What is due: each app registers its kinds; the start page and ``yorisoi remind`` list them.

A caseworker sees what is due on their own cases, a supervisor on every case of the
organization. Each kind is one query, whatever the number of cases.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case, FollowUp
from yorisoi.core.roles import Role


@dataclass(frozen=True)
class DueItem:
    kind: str
    case: Case
    due_on: datetime.date | None
    text: str


@dataclass(frozen=True)
class DueKind:
    key: str
    label: object
    items: Callable  # (member, cases queryset in scope, today) -> list[DueItem]
    order: int = 50


_kinds: dict[str, DueKind] = {}


def register(kind: DueKind) -> None:
    _kinds[kind.key] = kind


def cases_in_scope(member, *, open_only: bool = True):
    """Cases the member answers for: all of them for a supervisor, else their own."""
    cases = Case.objects.for_member(member)
    if open_only:
        cases = cases.filter(status__in=OPEN_STATUSES)
    if member.role != Role.SUPERVISOR:
        cases = cases.filter(Q(primary_staff=member) | Q(secondary_staff=member))
    return cases


def due_for(member, today: datetime.date) -> list[tuple[DueKind, list[DueItem]]]:
    """Every registered kind with its items (empty kinds left out)."""
    scope = cases_in_scope(member)
    found = [
        (kind, kind.items(member, scope, today))
        for kind in sorted(_kinds.values(), key=lambda k: k.order)
    ]
    return [(kind, items) for kind, items in found if items]


def _silence(member, scope, today):
    """No contact that reached the person or family for the organization's number of days."""
    from yorisoi.contacts.choices import NOT_REACHED, Reached

    days = member.organization.silence_days
    limit = today - datetime.timedelta(days=days)
    reaching = Q(
        contacts__reached__in=[Reached.PERSON, Reached.FAMILY, Reached.PERSON_AND_FAMILY]
    ) & ~Q(contacts__outcome__in=NOT_REACHED)
    cases = (
        scope.annotate(last_reached=Max("contacts__occurred_at", filter=reaching))
        .filter(Q(last_reached__date__lt=limit) | Q(last_reached__isnull=True, opened_on__lt=limit))
        .select_related("person")
        .order_by("last_reached")[:50]
    )
    return [
        DueItem(
            "silence",
            c,
            None,
            _("No contact that reached the person or family for %(days)s days or more")
            % {"days": days},
        )
        for c in cases
    ]


def _check_ins(member, scope, today):
    # Follow-ups belong to closed cases, so the scope here includes those.
    rows = (
        FollowUp.objects.for_member(member)
        .filter(
            ended_on__isnull=True,
            next_check_on__lte=today,
            case__in=cases_in_scope(member, open_only=False),
        )
        .select_related("case__person")[:50]
    )
    return [
        DueItem("check_in", f.case, f.next_check_on, _("A gentle check-in after closing"))
        for f in rows
    ]


register(DueKind("silence", _("Long without contact"), _silence, 40))
register(DueKind("check_in", _("Follow-up check-ins"), _check_ins, 60))


def due_panel(member) -> dict:
    """For the start page."""
    from django.utils import timezone

    return {"groups": due_for(member, timezone.localdate())}
