"""How other apps add to the case page: timeline kinds, panels and banners.

An app registers in its AppConfig.ready(); the case page asks the registry, so the cases app
does not need to know the apps that build on it (assessments, evaluations, plans, …).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from yorisoi.cases.models import Case
    from yorisoi.core.bundle import Rows
    from yorisoi.organizations.models import Membership


@dataclass(frozen=True)
class TimelineKind:
    key: str
    label: StrOrPromise  # lazy translation
    # (before, limit) -> Rows of the case (``OuterRef("pk")``), newest first, at most ``limit``;
    # fetched with everything else on the case page in one query.
    rows: Callable[[datetime.datetime | None, int], Rows]
    # The field that places an entry on the timeline (a date: at the start of that day). A
    # name rather than a function, so entries are placed from that column alone.
    moment: str
    template: str  # rendered with ``obj``
    order: int = 50

    def moment_of(self, obj: Any) -> datetime.datetime:
        value = getattr(obj, self.moment)
        return value if isinstance(value, datetime.datetime) else as_datetime(value)


@dataclass(frozen=True)
class CasePanel:
    template: str  # rendered with ``panel`` (the context function's dict) and ``case``
    # (case, member, found) -> dict, where ``found`` holds the lists ``needs`` asked for
    # (``(case, member)`` for a panel without ``needs``).
    context: Callable[..., Mapping[str, Any]]
    position: str = "side"  # "side", "main", "banner" above the case header, or "face_sheet"
    order: int = 50
    # (case, member) -> {name: core.bundle.Rows}: fetched together in the page's one query.
    # Names are shared: panels asking for the same name get the same list. Leave it None only
    # for a panel that cannot say in advance; its ``context(case, member)`` then queries itself.
    needs: Callable[[Case, Membership], Mapping[str, Rows]] | None = None


_timeline: dict[str, TimelineKind] = {}
_panels: list[CasePanel] = []


def register_timeline_kind(kind: TimelineKind) -> None:
    _timeline[kind.key] = kind


def timeline_kinds() -> list[TimelineKind]:
    return sorted(_timeline.values(), key=lambda k: k.order)


def register_panel(panel: CasePanel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def panels(position: str) -> list[CasePanel]:
    return sorted((p for p in _panels if p.position == position), key=lambda p: p.order)


def as_datetime(day: datetime.date) -> datetime.datetime:
    """A date placed on the timeline at the start of that day (local time)."""
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 0)))
