"""The journey chart: one series per rater, gaps for unrated points, readable without sight."""

import datetime
import re

import pytest
from django.utils.translation import override

from yorisoi.evaluations.charts import Chart, Point, Series, describe, render_svg

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with override("en"):  # messages are checked in their source language
        yield


def _chart(**kwargs):
    series = (
        Series(
            "caseworker",
            "相談員",
            (
                Point(D(2023, 5, 1), 2),
                Point(D(2024, 3, 25), 3),
                Point(D(2025, 3, 24), None),
                Point(D(2026, 3, 20), 5),
                Point(D(2026, 9, 1), 6),
            ),
        ),
        Series("person", "本人", (Point(D(2024, 3, 25), 4), Point(D(2025, 3, 24), 4))),
    )
    return Chart(kwargs.pop("key", "c1"), kwargs.pop("title", "行動"), 1, 10, series, **kwargs)


def test_one_group_per_rater_with_its_own_pattern():
    svg = str(render_svg(_chart()))
    assert re.findall(r'data-rater="(\w+)"', svg) == ["caseworker", "person"]
    assert 'stroke-dasharray="8 4"' in svg  # the person's line is dashed
    assert svg.count("<rect") == 2 + 1  # the person's two square markers and the legend's


def test_an_unrated_point_breaks_the_line_instead_of_dropping_to_zero():
    svg = str(render_svg(_chart()))
    caseworker = svg.split('data-rater="caseworker">')[1].split("</g>")[0]
    lines = re.findall(r'<polyline points="([^"]+)"', caseworker)
    assert len(lines) == 2  # before and after the unrated year-end
    assert [len(line.split()) for line in lines] == [2, 2]
    assert caseworker.count("<circle") == 4  # only rated points get a marker


def test_title_description_and_role_make_it_readable_for_screen_readers():
    svg = str(render_svg(_chart(title="行動 <レベル>")))
    assert 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">行動 &lt;レベル&gt;</title>' in svg
    text = describe(_chart())
    assert "相談員:" in text
    assert "本人:" in text
    assert "令和6年3月25日 3" in text
    assert "令和7年3月24日 not rated" in text


def test_partial_totals_are_hollow_and_the_data_table_matches():
    chart = Chart(
        "t",
        "家族",
        0,
        10,
        (Series("family", "家族", (Point(D(2025, 3, 1), 7, "7 points (9 items rated)", True),)),),
    )
    svg = str(render_svg(chart, width=270, height=140, compact=True))
    assert 'fill="#ffffff" stroke="#5b3a8c"' in svg
    assert chart.table() == [(D(2025, 3, 1), ["7 points (9 items rated)"])]


def test_an_empty_chart_still_renders():
    chart = Chart("e", "空", 1, 4)
    assert not chart.has_values
    assert "<svg" in str(render_svg(chart))


def test_value_labels_stay_apart_on_small_charts():
    svg = str(render_svg(_chart(), width=270, height=140, compact=True))
    labels = re.findall(r'text-anchor="end">(\d+)</text>', svg)
    assert labels == ["1", "4", "7", "10"]
    full = str(render_svg(_chart()))
    assert re.findall(r'text-anchor="end">(\d+)</text>', full) == [str(n) for n in range(1, 11)]
