"""Database expressions for Japanese business calendars."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan

__all__ = ["FiscalYear"]


class FiscalYear(Case):
    """The 年度 (April to March) of a date or datetime, as an integer, on any database."""

    def __init__(self, expression: Any) -> None:
        # Extract converts datetimes to the current time zone, so 31 March 15:00 UTC is April.
        year = ExtractYear(expression)
        super().__init__(
            When(LessThan(ExtractMonth(expression), 4), then=year - Value(1)),
            default=year,
            output_field=IntegerField(),
        )
