"""Template filters for showing dates in 和暦 and 年度."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from yorisoi.core import dates

register = template.Library()


def _local(value: Any) -> datetime | date | None:
    """Coerce a filter argument to a date or local datetime; None when it is neither."""
    if isinstance(value, datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return dates.parse_date(value)
        except dates.DateParseError:
            return None
    return None


def _day(value: Any) -> date | None:
    """Return the local calendar day of the value, or None."""
    local = _local(value)
    return local.date() if isinstance(local, datetime) else local


@register.filter
def wareki(value: Any) -> str:
    """Format as "令和7年4月1日"; empty for missing values."""
    day = _day(value)
    return dates.format_wareki(day) if day else ""


@register.filter
def wareki_weekday(value: Any) -> str:
    """Format as "令和7年4月1日（火）"; empty for missing values."""
    day = _day(value)
    return dates.format_wareki_weekday(day) if day else ""


@register.filter
def wareki_datetime(value: Any) -> str:
    """Format as "令和7年4月1日 14:05" in local time; plain dates get no time."""
    local = _local(value)
    if local is None:
        return ""
    if isinstance(local, datetime):
        return f"{dates.format_wareki(local.date())} {local:%H:%M}"
    return dates.format_wareki(local)


@register.filter
def isodate(value: Any) -> str:
    """Format as "2025-04-01"; empty for missing values."""
    day = _day(value)
    return day.isoformat() if day else ""


@register.filter
def date_both(value: Any) -> SafeString | str:
    """Render a <time> element in 和暦 followed by the ISO date in brackets."""
    day = _day(value)
    if day is None:
        return ""
    iso = day.isoformat()
    shown = dates.format_wareki(day)
    if shown == iso:  # before 明治 there is no 和暦 to add
        return format_html('<time datetime="{}">{}</time>', iso, iso)
    return format_html(
        '<time datetime="{}">{}</time> <span class="iso">({})</span>', iso, shown, iso
    )


@register.filter
def fiscal_year(value: Any) -> int | str:
    """Return the 年度 of a date as an integer; empty for missing values."""
    day = _day(value)
    return dates.fiscal_year_of(day) if day else ""


@register.filter(name="fiscal_year_label")
def fiscal_year_label_filter(value: Any) -> str:
    """Format a 年度 number as "2025年度（令和7年度）"; empty for missing values."""
    try:
        return dates.fiscal_year_label(int(value))
    except (TypeError, ValueError, OverflowError):
        return ""
