"""Group totals and short summaries of scores, counting only the items that were rated."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yorisoi.evaluations.choices import ItemKind


@dataclass(frozen=True)
class GroupTotal:
    """Points of a group's yes/no items: ``points`` from the ``answered`` of ``items`` rated."""

    group: str
    points: int | None  # None when no item of the group was rated
    answered: int
    items: int

    @property
    def is_partial(self) -> bool:
        return 0 < self.answered < self.items

    def __str__(self) -> str:
        if self.points is None:
            return _("Not rated")
        return ngettext(
            "%(points)s point (%(answered)s items rated)",
            "%(points)s points (%(answered)s items rated)",
            self.points,
        ) % {"points": self.points, "answered": self.answered}


def group_totals(scores: Iterable) -> list[GroupTotal]:
    """Totals of each group holding yes/no items, in the order the groups first appear.

    ``scores`` are Score rows with their item loaded. Level items are not summed: adding a
    behaviour level to a communication level would describe nothing.
    """
    groups: dict[str, list] = {}
    for score in scores:
        if score.item.kind == ItemKind.YES_NO:
            groups.setdefault(score.item.group, []).append(score.value)
    totals = []
    for group, values in groups.items():
        answered = [v for v in values if v is not None]
        totals.append(
            GroupTotal(
                group=group,
                points=sum(answered) if answered else None,
                answered=len(answered),
                items=len(values),
            )
        )
    return totals


@dataclass(frozen=True)
class SummaryLine:
    label: str
    value: str
    rated: bool


def summary(scores: Iterable) -> list[SummaryLine]:
    """What a glance needs: each level item's value, and the total of each yes/no group rated.

    A group with no rated item is left out: it was not part of this rating (a person rating
    themself leaves the family's items to the family).
    """
    scores = list(scores)
    lines = [
        SummaryLine(
            s.item.label,
            str(s.value) if s.value is not None else _("Not rated"),
            s.value is not None,
        )
        for s in scores
        if s.item.kind == ItemKind.LEVEL
    ]
    lines += [
        SummaryLine(t.group or _("Total"), str(t), t.points is not None)
        for t in group_totals(scores)
        if t.points is not None
    ]
    return lines


def ratings_key(ratings: Iterable[tuple[str, int | None]]) -> str:
    """One value for what an evaluation rated, as (item code, value) pairs: equal for two
    evaluations that rated the same items the same, "" when nothing was rated. Item codes,
    not ids, so evaluations on two versions of an instrument compare."""
    rated = sorted((code, value) for code, value in ratings if value is not None)
    if not rated:
        return ""
    text = ";".join(f"{code}={value}" for code, value in rated)
    return hashlib.sha256(text.encode()).hexdigest()
