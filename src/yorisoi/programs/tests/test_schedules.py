import datetime

from yorisoi.programs.schedules import occurrences

D = datetime.date


def days(**kwargs):
    return list(occurrences(**kwargs))


def test_weekly_from_the_first_day_on_its_weekday():
    got = days(
        frequency="weekly",
        weekday=2,
        nth=None,
        first_on=D(2026, 4, 1),
        start=D(2026, 4, 1),
        end=D(2026, 4, 30),
    )
    assert got == [D(2026, 4, 1), D(2026, 4, 8), D(2026, 4, 15), D(2026, 4, 22), D(2026, 4, 29)]


def test_fortnightly_keeps_the_rhythm_of_its_first_day():
    got = days(
        frequency="fortnightly",
        weekday=5,
        nth=None,
        first_on=D(2026, 4, 4),
        start=D(2026, 4, 12),
        end=D(2026, 5, 31),
    )
    assert got == [D(2026, 4, 18), D(2026, 5, 2), D(2026, 5, 16), D(2026, 5, 30)]


def test_monthly_on_the_nth_and_the_last_weekday():
    third_sunday = days(
        frequency="monthly",
        weekday=6,
        nth=3,
        first_on=D(2026, 1, 1),
        start=D(2026, 1, 1),
        end=D(2026, 3, 31),
    )
    assert third_sunday == [D(2026, 1, 18), D(2026, 2, 15), D(2026, 3, 15)]
    last_friday = days(
        frequency="monthly",
        weekday=4,
        nth=5,
        first_on=D(2026, 1, 1),
        start=D(2026, 1, 1),
        end=D(2026, 2, 28),
    )
    assert last_friday == [D(2026, 1, 30), D(2026, 2, 27)]
