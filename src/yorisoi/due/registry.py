"""What is due: each app registers its kinds at start-up; the start page, the due page and
``yorisoi remind`` list them.

A caseworker sees what is due on their own cases, a supervisor on every case of the
organization (each kind narrows its rows with ``cases.selectors.cases_in_scope``). Each kind
is one query, whatever the number of cases: its first rows, most pressing first, each
carrying how many there are in all (the start page shows a few and the true number).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet, Window
from django.urls import reverse


@dataclass(frozen=True)
class DueItem:
    kind: str
    case: Any  # a cases.Case, with its person loaded
    due_on: datetime.date | None
    text: str
    url: str = ""  # where to act; the case page when empty
    obj: Any = None  # the record the item is about, for an item template that needs it

    @property
    def link(self) -> str:
        return self.url or reverse("cases:case_detail", args=[self.case.pk])

    def overdue(self, today: datetime.date) -> bool:
        return self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class DueRows:
    """What a kind finds: its rows, most pressing first (unsliced), and each row as an item."""

    queryset: QuerySet[Any]
    item: Callable[[Any], DueItem]


@dataclass(frozen=True)
class DueKind:
    key: str
    label: object  # lazy translation
    # (member, today) -> the kind's rows, or None when nothing of the kind can be due today
    rows: Callable[[Any, datetime.date], DueRows | None]
    order: int = 50
    # Roles that see this kind at all (None: everyone who may see cases).
    roles: frozenset[str] | None = None
    # How one item is shown on the start page (a decision form, for example).
    template: str = "due/item.html"

    def applies_to(self, member) -> bool:
        return self.roles is None or member.role in self.roles


@dataclass(frozen=True)
class DueGroup:
    kind: DueKind
    items: list[DueItem]  # the first ``limit`` of them, or all
    total: int  # how many the kind has in all

    @property
    def more(self) -> int:
        return self.total - len(self.items)


_kinds: dict[str, DueKind] = {}


def register(kind: DueKind) -> None:
    _kinds[kind.key] = kind


def kinds() -> list[DueKind]:
    return sorted(_kinds.values(), key=lambda k: k.order)


def due_for(
    member, today: datetime.date, *, limit: int | None = None, only: str = ""
) -> list[DueGroup]:
    """Every registered kind the member answers for (or the kind ``only``), each with its first
    ``limit`` items (all without one) and its true number; kinds with nothing due left out."""
    groups = []
    for kind in kinds():
        if (only and kind.key != only) or not kind.applies_to(member):
            continue
        found = kind.rows(member, today)
        if found is None:
            continue
        rows = list(found.queryset.annotate(due_total=Window(Count("pk")))[:limit])
        if rows:
            groups.append(DueGroup(kind, [found.item(row) for row in rows], rows[0].due_total))
    return groups
