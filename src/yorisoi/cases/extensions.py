"""How other apps add to the case page: timeline kinds, panels and banners.

An app registers in its AppConfig.ready(); the case page asks the registry, so the cases app
does not need to know the apps that build on it (assessments, evaluations, plans, …).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimelineKind:
    key: str
    label: object  # lazy translation
    # (before, limit) -> Rows of the case (``OuterRef("pk")``), newest first, at most ``limit``;
    # fetched with everything else on the case page in one query.
    rows: Callable
    moment: Callable  # the entry's place on the timeline: obj -> aware datetime
    template: str  # rendered with ``obj``
    order: int = 50


@dataclass(frozen=True)
class CasePanel:
    template: str  # rendered with ``panel`` (the context function's dict) and ``case``
    # (case, member, found) -> dict, where ``found`` holds the lists ``needs`` asked for.
    context: Callable
    position: str = "side"  # "side", "main", "banner" above the case header, or "face_sheet"
    order: int = 50
    # (case, member) -> {name: core.bundle.Rows}: fetched together in the page's one query.
    # Names are shared: panels asking for the same name get the same list. Leave it None only
    # for a panel that cannot say in advance; its ``context(case, member)`` then queries itself.
    needs: Callable | None = None


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
