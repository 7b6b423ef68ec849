"""The case list reads at a glance at 1366 px and on a phone: numbers and dates never wrap, and
under a narrow width each row becomes a card whose cells carry their column's name."""

import re
from pathlib import Path

from django.urls import reverse

from yorisoi.cases.choices import DurationBand
from yorisoi.cases.tests.factories import CaseFactory

CSS = Path(__file__).resolve().parents[2] / "static" / "yorisoi" / "css" / "app.css"


def test_every_cell_names_its_column_for_the_narrow_screen_cards(as_member, caseworker, org):
    CaseFactory(organization=org, number="DEMO-030")
    html = as_member(caseworker).get(reverse("cases:case_list")).content.decode()
    cells = re.findall(r"<td class=\"col--(\w+) cell--(\w+)\" data-label=\"([^\"]+)\"", html)
    assert ("number", "text", "ケース番号") in cells
    assert any(kind == "date" for _name, kind, _label in cells)


def test_numbers_and_dates_never_wrap_and_rows_become_cards_when_narrow():
    css = CSS.read_text()
    nowrap = re.search(r"([^{}]*)\{[^}]*white-space:\s*nowrap", css)
    assert nowrap is not None
    rules = " ".join(m.group(1) for m in re.finditer(r"([^{}]*)\{[^}]*white-space:\s*nowrap", css))
    assert ".cell--date" in rules
    assert ".col--number" in rules
    assert re.search(r"@media[^{]*max-width[^{]*\{[^@]*data-label", css, re.S)


def test_duration_bands_do_not_overlap_at_their_bounds():
    labels = {band: str(band.label) for band in DurationBand}
    bounded = [label for band, label in labels.items() if band not in {"unknown", "20y_plus"}]
    # Each band says where it stops (未満), never 「1〜3年」 beside 「3〜5年」.
    assert all(label.endswith("未満") for label in bounded), bounded
    assert labels[DurationBand.UNDER_5Y].startswith("3年以上")
