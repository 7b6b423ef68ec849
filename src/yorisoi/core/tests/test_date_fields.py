"""Tests for the Japanese date form field, its widget and the wareki template filters."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import Context, Engine
from django.utils import translation

from yorisoi.core.fields import JapaneseDateField, JapaneseDateInput
from yorisoi.core.templatetags import wareki as filters

JST = ZoneInfo("Asia/Tokyo")


class VisitForm(forms.Form):
    """A minimal form with one required and one optional date."""

    visited_on = JapaneseDateField()
    follow_up_on = JapaneseDateField(required=False)


@pytest.fixture(autouse=True)
def _english_messages():
    """Compare against the English msgids whatever LANGUAGE_CODE the project sets."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-01",
        "2025/4/1",
        "2025.4.1",
        "2025年4月1日",
        "令和7年4月1日",
        "R7.4.1",
        "Ｒ７．４．１",
    ],
)
def test_form_accepts_all_formats(text: str) -> None:
    """The form cleans every supported spelling to the same date."""
    form = VisitForm(data={"visited_on": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"visited_on": date(2025, 4, 1), "follow_up_on": None}


def test_form_rejects_garbage_with_format_hint() -> None:
    """Unreadable input gets the message listing example formats."""
    form = VisitForm(data={"visited_on": "next tuesday"})
    assert not form.is_valid()
    assert form.errors["visited_on"] == [
        "Enter a date like 2025-04-01, 2025/4/1, 令和7年4月1日 or R7.4.1."
    ]
    assert form.errors.as_data()["visited_on"][0].code == "invalid"


def test_form_rejects_out_of_era_with_specific_message() -> None:
    """A day outside its era says which era boundary was crossed."""
    form = VisitForm(data={"visited_on": "平成31年5月1日"})
    assert not form.is_valid()
    assert form.errors["visited_on"] == [
        "平成31年 does not include that date: 平成 ended on 平成31年4月30日."
    ]
    form = VisitForm(data={"visited_on": "令和1年4月30日"})
    assert not form.is_valid()
    assert form.errors["visited_on"] == [
        "令和元年 does not include that date: 令和 began on 令和元年5月1日."
    ]


def test_form_rejects_nonexistent_day() -> None:
    """30 February is refused with its own message."""
    form = VisitForm(data={"visited_on": "2025-02-30"})
    assert not form.is_valid()
    assert form.errors["visited_on"] == ["That date does not exist. Check the month and day."]


def test_form_required_and_custom_invalid_message() -> None:
    """Required still works, and error_messages can override the generic hint."""
    form = VisitForm(data={"visited_on": ""})
    assert not form.is_valid()
    assert form.errors.as_data()["visited_on"][0].code == "required"
    field = JapaneseDateField(error_messages={"invalid": "Bad date."})
    with pytest.raises(forms.ValidationError) as excinfo:
        field.clean("???")
    assert excinfo.value.messages == ["Bad date."]


def test_field_passes_dates_through() -> None:
    """Python dates and aware datetimes are accepted as they are, in local time."""
    field = JapaneseDateField()
    assert field.clean(date(2025, 4, 1)) == date(2025, 4, 1)
    assert field.clean(datetime(2025, 3, 31, 15, 30, tzinfo=UTC)) == date(2025, 4, 1)


def test_widget_renders_plain_text_with_iso_initial() -> None:
    """The widget is a text box (kanji need a full keyboard) showing ISO dates."""
    html = VisitForm(initial={"visited_on": date(2025, 4, 1)})["visited_on"].as_widget()
    assert 'type="text"' in html
    assert 'value="2025-04-01"' in html
    assert 'autocomplete="off"' in html
    assert 'placeholder="2025-04-01 / 令和7年4月1日"' in html
    assert "inputmode" not in html


def test_widget_keeps_typed_text_and_extra_attrs() -> None:
    """Re-rendering a bound form shows what was typed; attrs can be added."""
    form = VisitForm(data={"visited_on": "R7.4.1x"})
    assert 'value="R7.4.1x"' in form["visited_on"].as_widget()
    widget = JapaneseDateInput(attrs={"class": "date", "placeholder": "YYYY-MM-DD"})
    html = widget.render("d", datetime(2025, 3, 31, 15, 30, tzinfo=UTC))
    assert 'value="2025-04-01"' in html
    assert 'class="date"' in html
    assert 'placeholder="YYYY-MM-DD"' in html


def test_filters_format_dates() -> None:
    """Each filter formats a date, and missing values become empty strings."""
    d = date(2025, 4, 1)
    assert filters.wareki(d) == "令和7年4月1日"
    assert filters.isodate(d) == "2025-04-01"
    assert filters.fiscal_year(d) == 2025
    assert filters.fiscal_year(date(2025, 3, 31)) == 2024
    assert filters.fiscal_year_label_filter(2025) == "2025年度（令和7年度）"
    assert filters.fiscal_year_label_filter("2019") == "2019年度（平成31年度）"
    for empty in (None, ""):
        assert filters.wareki(empty) == ""
        assert filters.isodate(empty) == ""
        assert filters.date_both(empty) == ""
        assert filters.fiscal_year(empty) == ""
        assert filters.fiscal_year_label_filter(empty) == ""
        assert filters.wareki_datetime(empty) == ""


def test_filters_use_local_time_for_aware_datetimes() -> None:
    """15:30 UTC on 31 March is already 1 April (and a new 年度) in Japan."""
    dt = datetime(2025, 3, 31, 15, 30, tzinfo=UTC)
    assert filters.wareki(dt) == "令和7年4月1日"
    assert filters.isodate(dt) == "2025-04-01"
    assert filters.fiscal_year(dt) == 2025
    assert filters.wareki_datetime(dt) == "令和7年4月1日 00:30"
    assert filters.wareki_datetime(datetime(2025, 4, 1, 14, 5, tzinfo=JST)) == "令和7年4月1日 14:05"
    assert filters.wareki_datetime(date(2025, 4, 1)) == "令和7年4月1日"


def test_date_both_markup() -> None:
    """date_both emits a machine-readable <time> plus the ISO date."""
    assert filters.date_both(date(2025, 4, 1)) == (
        '<time datetime="2025-04-01">令和7年4月1日</time> <span class="iso">(2025-04-01)</span>'
    )
    assert filters.date_both(date(1800, 1, 2)) == '<time datetime="1800-01-02">1800-01-02</time>'


def test_filters_ignore_untrusted_strings() -> None:
    """Strings that are not dates never reach the output, so nothing can be injected."""
    evil = '<script>alert("x")</script>'
    assert filters.date_both(evil) == ""
    assert filters.wareki(evil) == ""
    assert filters.fiscal_year_label_filter(evil) == ""
    assert filters.wareki("2025-04-01") == "令和7年4月1日"


def test_filters_in_a_template() -> None:
    """The library loads by name and date_both is not double-escaped."""
    engine = Engine(libraries={"wareki": "yorisoi.core.templatetags.wareki"})
    template = engine.from_string(
        "{% load wareki %}{{ d|wareki }}|{{ d|date_both }}|{{ d|fiscal_year|fiscal_year_label }}"
        "|{{ missing|wareki }}|{{ text|date_both }}"
    )
    html = template.render(Context({"d": date(2019, 5, 1), "text": "<b>"}))
    assert html == (
        "令和元年5月1日"
        '|<time datetime="2019-05-01">令和元年5月1日</time> <span class="iso">(2019-05-01)</span>'
        "|2019年度（平成31年度）||"
    )
