"""Form fields that accept dates the way Japanese caseworkers type them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from .dates import INVALID_MESSAGE, DateParseError, parse_date

__all__ = ["JapaneseDateField", "JapaneseDateInput"]


class JapaneseDateInput(forms.TextInput):
    """A plain text box (not type="date") so that 和暦 and kanji can be typed."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {
            "autocomplete": "off",
            "placeholder": "2025-04-01 / 令和7年4月1日",
            "class": "input-date",
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        """Show dates as ISO; leave text the person typed untouched."""
        if isinstance(value, datetime):
            value = _local_date(value)
        if isinstance(value, date):
            return value.isoformat()
        formatted: str | None = super().format_value(value)  # Widget's: text, or None if empty
        return formatted


def _local_date(value: datetime) -> date:
    """Take the calendar day of a datetime as seen in the current time zone."""
    if settings.USE_TZ and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date()


class JapaneseDateField(forms.DateField):
    """A DateField reading ISO, slashed, dotted, kanji and 和暦 dates via ``parse_date``."""

    widget = JapaneseDateInput
    default_error_messages = {"invalid": INVALID_MESSAGE}

    def to_python(self, value: Any) -> date | None:
        """Return a date, or raise ValidationError with the parser's explanation."""
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return _local_date(value)
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except DateParseError as exc:
            if exc.code == "invalid":
                # Let forms override the generic message through error_messages.
                raise ValidationError(self.error_messages["invalid"], code="invalid") from exc
            raise ValidationError(exc.message, code=exc.code, params=exc.params) from exc
