"""Japanese calendar helpers: 和暦 formatting, lenient date parsing and 年度 (fiscal years)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ERAS",
    "DateParseError",
    "Era",
    "current_fiscal_year",
    "era_of",
    "era_year",
    "fiscal_year_label",
    "fiscal_year_of",
    "fiscal_year_range",
    "format_era_year",
    "format_wareki",
    "format_wareki_year",
    "parse_date",
]


@dataclass(frozen=True)
class Era:
    """One Japanese era (元号) and the dates it covers."""

    name: str
    letter: str
    start: date
    end: date | None  # inclusive; None for the era in force

    def contains(self, d: date) -> bool:
        """Return whether the era covers the date."""
        return self.start <= d and (self.end is None or d <= self.end)


def _build_eras(spec: list[tuple[str, str, date]]) -> tuple[Era, ...]:
    """Derive each era's last day from the next era's first day."""
    eras = []
    for i, (name, letter, start) in enumerate(spec):
        end = spec[i + 1][2] - timedelta(days=1) if i + 1 < len(spec) else None
        eras.append(Era(name, letter, start, end))
    return tuple(eras)


# Meiji dates before 1873 were lunisolar in practice; we still read them as Gregorian.
ERAS: tuple[Era, ...] = _build_eras(
    [
        ("明治", "M", date(1868, 10, 23)),
        ("大正", "T", date(1912, 7, 30)),
        ("昭和", "S", date(1926, 12, 25)),
        ("平成", "H", date(1989, 1, 8)),
        ("令和", "R", date(2019, 5, 1)),
    ]
)
_ERA_BY_TOKEN = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}


def _as_date(d: date) -> date:
    """Drop the time part: date and datetime do not compare with each other."""
    return d.date() if isinstance(d, datetime) else d


def era_of(d: date) -> Era | None:
    """Return the era in force on the date, or None before 明治."""
    d = _as_date(d)
    for era in reversed(ERAS):
        if d >= era.start:
            return era
    return None


def era_year(d: date) -> tuple[Era, int] | None:
    """Return (era, year within the era) for the date, or None before 明治."""
    era = era_of(d)
    if era is None:
        return None
    return era, d.year - era.start.year + 1


def format_era_year(era: Era, year: int) -> str:
    """Return e.g. "令和7年", writing the first year as "元年"."""
    return f"{era.name}{'元' if year == 1 else year}年"


def format_wareki_year(d: date) -> str:
    """Return the 和暦 year of a date, e.g. "令和7年"; the western year before 明治."""
    found = era_year(d)
    if found is None:
        return f"{d.year}年"
    return format_era_year(*found)


def format_wareki(d: date) -> str:
    """Return the date as "令和7年4月1日"; ISO for dates before 明治."""
    found = era_year(d)
    if found is None:
        return _as_date(d).isoformat()
    return f"{format_era_year(*found)}{d.month}月{d.day}日"


def format_wareki_weekday(d: date) -> str:
    """Return the date with its weekday, as "令和7年4月1日（火）" (the weekday in the UI language)."""
    from django.utils import dateformat

    return f"{format_wareki(d)}（{dateformat.format(d, 'D')}）"


class DateParseError(ValueError):
    """A date typed by a person could not be read; ``message`` is fit to show them."""

    def __init__(self, message: Any, code: str, params: dict[str, Any] | None = None) -> None:
        self.message = message
        self.code = code
        self.params = params or {}
        # Keep the message lazy: translating it here would need settings and fix the language.
        super().__init__(message, code)

    def __str__(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


INVALID_MESSAGE = _("Enter a date like 2025-04-01, 2025/4/1, 令和7年4月1日 or R7.4.1.")
NONEXISTENT_MESSAGE = _("That date does not exist. Check the month and day.")
BEFORE_ERA_MESSAGE = _("%(era_year)s does not include that date: %(era)s began on %(start)s.")
AFTER_ERA_MESSAGE = _("%(era_year)s does not include that date: %(era)s ended on %(end)s.")

# IMEs produce many dash look-alikes that NFKC leaves alone.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ーｰ", "-"))
_SEP = r"([-/.])"
_WESTERN = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\2(\d{{1,2}})")
_WESTERN_KANJI = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")
_ERA_TOKEN = "|".join(_ERA_BY_TOKEN)
_ERA_SEP = re.compile(rf"({_ERA_TOKEN})(\d{{1,2}}|元){_SEP}(\d{{1,2}})\3(\d{{1,2}})")
_ERA_KANJI = re.compile(rf"({_ERA_TOKEN})(\d{{1,2}}|元)年(\d{{1,2}})月(\d{{1,2}})日?")


def _normalise(text: str) -> str:
    """Fold full-width forms, dashes and case, and drop all whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).upper()
    return "".join(text.split())


def _make_date(year: int, month: int, day: int) -> date:
    """Build a date, turning calendar errors into a DateParseError."""
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateParseError(NONEXISTENT_MESSAGE, "nonexistent") from exc


def _era_date(token: str, year_text: str, month: str, day: str) -> date:
    """Convert a 和暦 date, refusing days that fall outside the named era."""
    era = _ERA_BY_TOKEN[token]
    year = 1 if year_text == "元" else int(year_text)
    if year < 1:
        raise DateParseError(INVALID_MESSAGE, "invalid")
    d = _make_date(era.start.year + year - 1, int(month), int(day))
    params = {"era_year": format_era_year(era, year), "era": era.name}
    if d < era.start:
        params["start"] = format_wareki(era.start)
        raise DateParseError(BEFORE_ERA_MESSAGE, "out_of_era", params)
    if era.end is not None and d > era.end:
        params["end"] = format_wareki(era.end)
        raise DateParseError(AFTER_ERA_MESSAGE, "out_of_era", params)
    return d


def parse_date(text: str) -> date:
    """Read a western or 和暦 date in the formats people type; raise DateParseError."""
    value = _normalise(text or "")
    if m := _WESTERN.fullmatch(value):
        return _make_date(int(m[1]), int(m[3]), int(m[4]))
    if m := _WESTERN_KANJI.fullmatch(value):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _ERA_SEP.fullmatch(value):
        return _era_date(m[1], m[2], m[4], m[5])
    if m := _ERA_KANJI.fullmatch(value):
        return _era_date(m[1], m[2], m[3], m[4])
    raise DateParseError(INVALID_MESSAGE, "invalid")


def fiscal_year_of(d: date) -> int:
    """Return the 年度 (April to March) that the date belongs to."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """Return the first and last day (both inclusive) of a 年度."""
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def fiscal_year_label(fy: int) -> str:
    """Return e.g. "2025年度（令和7年度）", using the era in force on 1 April."""
    found = era_year(date(fy, 4, 1))
    if found is None:
        return f"{fy}年度"
    return f"{fy}年度（{format_era_year(*found)}度）"


def current_fiscal_year(today: date | None = None) -> int:
    """Return the 年度 of today, in Django's current time zone when settings are loaded."""
    if today is None:
        # A server clock in UTC would put 00:00-09:00 JST on the previous day.
        use_tz = settings.configured and settings.USE_TZ
        today = timezone.localdate() if use_tz else date.today()
    return fiscal_year_of(today)
