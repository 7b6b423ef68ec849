"""Tests for 和暦 formatting, date parsing and 年度 helpers (no database, no settings)."""

from datetime import date, datetime

import pytest

from yorisoi.core.dates import (
    DateParseError,
    current_fiscal_year,
    era_of,
    era_year,
    fiscal_year_label,
    fiscal_year_of,
    fiscal_year_range,
    format_wareki,
    format_wareki_year,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-04-01", date(2025, 4, 1)),
        ("2025/4/1", date(2025, 4, 1)),
        ("2025/04/01", date(2025, 4, 1)),
        ("2025.4.1", date(2025, 4, 1)),
        ("2025年4月1日", date(2025, 4, 1)),
        ("令和7年4月1日", date(2025, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("R7.4.1", date(2025, 4, 1)),
        ("R7/4/1", date(2025, 4, 1)),
        ("R7-4-1", date(2025, 4, 1)),
        ("r7.4.1", date(2025, 4, 1)),
        ("R07.04.01", date(2025, 4, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("S64.1.7", date(1989, 1, 7)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("T15.12.24", date(1926, 12, 24)),
        ("M45.7.29", date(1912, 7, 29)),
        ("平成元年1月8日", date(1989, 1, 8)),
    ],
)
def test_parse_formats(text: str, expected: date) -> None:
    """Every documented format reads as the same calendar day."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和７年４月１日", date(2025, 4, 1)),
        ("Ｒ７．４．１", date(2025, 4, 1)),
        ("ｒ７／４／１", date(2025, 4, 1)),
        ("２０２５－０４－０１", date(2025, 4, 1)),
        ("２０２５／４／１", date(2025, 4, 1)),
        ("  2025-04-01  ", date(2025, 4, 1)),
        ("\u3000令和 7 年 4 月 1 日\u3000", date(2025, 4, 1)),
        ("2025ー04ー01", date(2025, 4, 1)),  # katakana long-vowel mark typed as a dash
        ("2025−04−01", date(2025, 4, 1)),  # minus sign
        ("㋿7年4月1日", date(2025, 4, 1)),  # one-character era ligature
        ("㍻31年4月30日", date(2019, 4, 30)),
    ],
)
def test_parse_full_width_and_spacing(text: str, expected: date) -> None:
    """Full-width characters, IME dashes and stray spaces are folded before reading."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["平成31年4月30日", "H31.4.30", "令和元年5月1日", "R1.5.1", "昭和64年1月7日", "平成元年1月8日"],
)
def test_era_boundaries_accepted(text: str) -> None:
    """The first and last days of an era belong to it."""
    parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "平成31年5月1日",
        "H31.5.1",
        "令和1年4月30日",
        "令和元年1月1日",
        "昭和64年1月8日",
        "平成元年1月7日",
        "大正15年12月25日",
        "明治45年7月30日",
        "平成32年1月1日",
    ],
)
def test_era_boundaries_rejected(text: str) -> None:
    """A 和暦 date outside its era's range is refused with its own error code."""
    with pytest.raises(DateParseError) as excinfo:
        parse_date(text)
    assert excinfo.value.code == "out_of_era"


def test_out_of_era_params_name_the_boundary() -> None:
    """The error explains which era and which boundary the date crossed."""
    with pytest.raises(DateParseError) as excinfo:
        parse_date("平成31年5月1日")
    assert excinfo.value.params == {"era_year": "平成31年", "era": "平成", "end": "平成31年4月30日"}
    with pytest.raises(DateParseError) as excinfo:
        parse_date("令和1年4月30日")
    assert excinfo.value.params == {
        "era_year": "令和元年",
        "era": "令和",
        "start": "令和元年5月1日",
    }


@pytest.mark.parametrize("text", ["2025-02-30", "2025/13/1", "令和7年2月29日", "R7.4.31"])
def test_nonexistent_calendar_dates_rejected(text: str) -> None:
    """Well-formed input naming a day that does not exist is refused."""
    with pytest.raises(DateParseError) as excinfo:
        parse_date(text)
    assert excinfo.value.code == "nonexistent"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "tomorrow",
        "2025-4",
        "25-04-01",
        "2025-04/01",
        "X7.4.1",
        "令和0年4月1日",
        "R7.4.1.5",
    ],
)
def test_garbage_rejected(text: str) -> None:
    """Anything that is not a recognised format gets the generic error."""
    with pytest.raises(DateParseError) as excinfo:
        parse_date(text)
    assert excinfo.value.code == "invalid"


def test_parse_error_is_value_error() -> None:
    """Callers that only know ValueError still catch parse failures."""
    with pytest.raises(ValueError):  # noqa: PT011 - the subclass relationship is the point
        parse_date("nope")


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 4, 1), "令和7年4月1日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1868, 10, 23), "明治元年10月23日"),
        (date(1868, 10, 22), "1868-10-22"),
        (datetime(2025, 4, 1, 14, 5), "令和7年4月1日"),
    ],
)
def test_format_wareki(d: date, expected: str) -> None:
    """Dates print in 和暦 with 元年 for first years, ISO before 明治."""
    assert format_wareki(d) == expected


def test_format_round_trips_through_parse() -> None:
    """What we print, we can read back."""
    for d in [date(2025, 4, 1), date(2019, 5, 1), date(1989, 1, 7), date(1912, 7, 30)]:
        assert parse_date(format_wareki(d)) == d


def test_era_helpers() -> None:
    """Era lookup gives the era and the year within it."""
    assert era_of(date(1800, 1, 1)) is None
    assert era_year(date(1800, 1, 1)) is None
    era, year = era_year(date(2025, 4, 1))
    assert (era.name, era.letter, year) == ("令和", "R", 7)
    assert format_wareki_year(date(2019, 5, 1)) == "令和元年"
    assert format_wareki_year(date(2025, 1, 1)) == "令和7年"
    assert format_wareki_year(date(1800, 1, 1)) == "1800年"


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2025, 4, 1), 2025),
        (date(2026, 3, 31), 2025),
        (date(2025, 3, 31), 2024),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2025),
        (date(2026, 4, 1), 2026),
    ],
)
def test_fiscal_year_of(d: date, fy: int) -> None:
    """A 年度 runs from 1 April to 31 March."""
    assert fiscal_year_of(d) == fy


def test_fiscal_year_range() -> None:
    """The range is inclusive at both ends and spans leap days correctly."""
    assert fiscal_year_range(2025) == (date(2025, 4, 1), date(2026, 3, 31))
    start, end = fiscal_year_range(2023)
    assert (end - start).days + 1 == 366  # includes 29 February 2024
    for fy in (2019, 2024, 2025):
        start, end = fiscal_year_range(fy)
        assert fiscal_year_of(start) == fiscal_year_of(end) == fy


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2025, "2025年度（令和7年度）"),
        (2020, "2020年度（令和2年度）"),
        (2019, "2019年度（平成31年度）"),
        (2018, "2018年度（平成30年度）"),
        (1989, "1989年度（平成元年度）"),
        (1988, "1988年度（昭和63年度）"),
        (1868, "1868年度"),
    ],
)
def test_fiscal_year_label(fy: int, label: str) -> None:
    """Labels use the era in force on 1 April of the 年度."""
    assert fiscal_year_label(fy) == label


def test_current_fiscal_year_with_explicit_today() -> None:
    """An explicit today makes the result deterministic."""
    assert current_fiscal_year(date(2025, 3, 31)) == 2024
    assert current_fiscal_year(date(2025, 4, 1)) == 2025


def test_current_fiscal_year_default_is_plausible() -> None:
    """Without an argument it uses today's date."""
    assert current_fiscal_year() in {date.today().year - 1, date.today().year}
