"""Stalled cases (seed 002, 考察2): long support whose evaluations have not changed.

A case open for years is not itself a problem; one whose last ratings are the same is worth
a focused look by several staff, so the supervisor sees them in one list.
"""

import datetime
from collections.abc import Sequence

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case
from yorisoi.evaluations.choices import Rater
from yorisoi.evaluations.models import Evaluation
from yorisoi.organizations.models import Membership


def _years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` earlier (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def find_stalled(
    member: Membership, *, today: datetime.date, years: int, ratings: int = 2
) -> list[tuple[int, list[int]]]:
    """(case id, ids of its evaluations that rated the same) of open cases older than
    ``years`` whose last ``ratings`` caseworker ratings of one instrument are unchanged (and
    rated something), oldest case first.

    The database ranks each case's evaluations per instrument and hands back only the last
    ``ratings`` of each with their ratings key (no scores): two light queries, whatever the
    number of cases.
    """
    since = _years_before(today, years)
    cases = Case.objects.for_member(member).filter(status__in=OPEN_STATUSES, opened_on__lte=since)
    ranked = (
        Evaluation.objects.filter(rater=Rater.CASEWORKER, case__in=cases.values("pk"))
        .annotate(
            instrument=F("instrument_version__instrument"),
            rank=Window(
                RowNumber(),
                partition_by=[F("case_id"), F("instrument_version__instrument")],
                order_by=[F("rated_on").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=ratings)
        .values_list("case_id", "instrument", "pk", "ratings_key")
    )
    series: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for case_id, instrument_id, pk, key in ranked:
        series.setdefault((case_id, instrument_id), []).append((pk, key))
    chosen: dict[int, list[int]] = {}
    for (case_id, _instrument), last in sorted(series.items()):
        keys = {key for _pk, key in last}
        if len(last) == ratings and len(keys) == 1 and "" not in keys:
            chosen.setdefault(case_id, [pk for pk, _key in last])
    order = cases.filter(pk__in=chosen).order_by("opened_on", "pk").values_list("pk", flat=True)
    return [(pk, chosen[pk]) for pk in order]


def read_stalled(
    member: Membership, found: Sequence[tuple[int, list[int]]]
) -> list[tuple[Case, list[Evaluation]]]:
    """The cases and evaluations ``find_stalled`` named (a page of them), newest rating first."""
    evaluations = {
        e.pk: e
        for e in Evaluation.objects.filter(
            pk__in=[pk for _case, pks in found for pk in pks]
        ).select_related("instrument_version__instrument")
    }
    cases = Case.objects.for_member(member).select_related("person", "primary_staff__user")
    by_pk = cases.in_bulk([case_id for case_id, _pks in found])
    return [
        (
            by_pk[case_id],
            sorted((evaluations[pk] for pk in pks), key=lambda e: (e.rated_on, e.pk), reverse=True),
        )
        for case_id, pks in found
        if case_id in by_pk
    ]


def stalled_cases(
    member: Membership, *, today: datetime.date, years: int, ratings: int = 2
) -> list[tuple[Case, list[Evaluation]]]:
    """Every stalled case with its evaluations, found and read at once (the page reads a page
    at a time through ``find_stalled`` and ``read_stalled``)."""
    return read_stalled(member, find_stalled(member, today=today, years=years, ratings=ratings))
