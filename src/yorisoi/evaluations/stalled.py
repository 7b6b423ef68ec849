"""Stalled cases (seed 002, 考察2): long support whose evaluations have not changed.

A case open for years is not itself a problem; one whose last ratings are the same is worth
a focused look by several staff, so the supervisor sees them in one list.
"""

import datetime

from django.db.models import Prefetch

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case
from yorisoi.evaluations.choices import Rater
from yorisoi.evaluations.models import Evaluation
from yorisoi.organizations.models import Membership


def _ratings(evaluation: Evaluation) -> tuple[tuple[str, int], ...]:
    """What was rated, comparable between two evaluations of one instrument."""
    return tuple(
        sorted((s.item.code, s.value) for s in evaluation.scores.all() if s.value is not None)
    )


def stalled_cases(
    member: Membership, *, today: datetime.date, years: int, ratings: int = 2
) -> list[tuple[Case, list[Evaluation]]]:
    """Open cases older than ``years`` whose last ``ratings`` caseworker ratings are unchanged."""
    since = today.replace(year=today.year - years)
    evaluations = (
        Evaluation.objects.filter(rater=Rater.CASEWORKER)
        .select_related("instrument_version__instrument")
        .prefetch_related("scores__item")
        .order_by("-rated_on", "-pk")
    )
    cases = (
        Case.objects.for_member(member)
        .filter(status__in=OPEN_STATUSES, opened_on__lte=since)
        .select_related("person", "primary_staff__user")
        .prefetch_related(Prefetch("evaluations", queryset=evaluations, to_attr="recent"))
        .order_by("opened_on")
    )
    found: list[tuple[Case, list[Evaluation]]] = []
    for case in cases:
        by_instrument: dict[int, list[Evaluation]] = {}
        for evaluation in case.recent:
            by_instrument.setdefault(evaluation.instrument_version.instrument_id, []).append(
                evaluation
            )
        for series in by_instrument.values():
            last = series[:ratings]
            if len(last) == ratings and len({_ratings(e) for e in last}) == 1 and _ratings(last[0]):
                found.append((case, last))
                break
    return found
