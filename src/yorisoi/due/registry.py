"""What is due: each app registers its kinds at start-up; the start page, the due page and
``yorisoi remind`` list them.

A caseworker sees what is due on their own cases, a supervisor on every case of the
organization (each kind narrows its rows with ``cases.selectors.cases_in_scope``). Each kind
is one query, whatever the number of cases.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
class DueKind:
    key: str
    label: object  # lazy translation
    items: Callable[[Any, datetime.date], list[DueItem]]  # (member, today) -> items
    order: int = 50
    # Roles that see this kind at all (None: everyone who may see cases).
    roles: frozenset[str] | None = None
    # How one item is shown on the start page (a decision form, for example).
    template: str = "due/item.html"

    def applies_to(self, member) -> bool:
        return self.roles is None or member.role in self.roles


_kinds: dict[str, DueKind] = {}


def register(kind: DueKind) -> None:
    _kinds[kind.key] = kind


def kinds() -> list[DueKind]:
    return sorted(_kinds.values(), key=lambda k: k.order)


def due_for(member, today: datetime.date) -> list[tuple[DueKind, list[DueItem]]]:
    """Every registered kind the member answers for, with its items (empty kinds left out)."""
    found = [(kind, kind.items(member, today)) for kind in kinds() if kind.applies_to(member)]
    return [(kind, items) for kind, items in found if items]
