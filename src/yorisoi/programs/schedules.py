"""The days a schedule falls on: every week, every other week, or the n-th weekday of a month."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from yorisoi.programs.choices import Frequency, Nth


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date | None:
    """The n-th given weekday of the month (Nth.LAST: the last one); None if there is none."""
    days = [
        datetime.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if datetime.date(year, month, d).weekday() == weekday
    ]
    if nth == Nth.LAST:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def occurrences(
    *,
    frequency: str,
    weekday: int,
    nth: int | None,
    first_on: datetime.date,
    start: datetime.date,
    end: datetime.date,
) -> Iterator[datetime.date]:
    """The schedule's days from ``start`` to ``end`` (both included), never before ``first_on``."""
    start = max(start, first_on)
    if frequency == Frequency.MONTHLY:
        year, month = start.year, start.month
        while datetime.date(year, month, 1) <= end:
            day = _nth_weekday(year, month, weekday, nth or Nth.FIRST)
            if day is not None and start <= day <= end:
                yield day
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return
    step = 14 if frequency == Frequency.FORTNIGHTLY else 7
    # The first day on the weekday; a fortnightly schedule keeps first_on's rhythm.
    day = first_on + datetime.timedelta(days=(weekday - first_on.weekday()) % 7)
    if day < start:
        behind = (start - day).days
        day += datetime.timedelta(days=-(-behind // step) * step)
    while day <= end:
        yield day
        day += datetime.timedelta(days=step)
