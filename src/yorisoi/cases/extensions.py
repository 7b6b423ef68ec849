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
    # (case, before, limit) -> [(moment, object)], newest first; one query whatever the size.
    entries: Callable
    template: str  # rendered with ``obj``
    order: int = 50


@dataclass(frozen=True)
class CasePanel:
    template: str  # rendered with ``panel`` (the context function's dict) and ``case``
    context: Callable  # (case, member) -> dict; a bounded number of queries
    position: str = "side"  # "side" column or "banner" above the case header
    order: int = 50


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
