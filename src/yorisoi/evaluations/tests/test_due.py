"""Year-end evaluations are due for every open case in March, April and May, until recorded."""

import datetime

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.due.registry import due_for
from yorisoi.evaluations.choices import Timing
from yorisoi.evaluations.due import ending_fiscal_year
from yorisoi.evaluations.tests.factories import EvaluationFactory


def test_ending_fiscal_year_window():
    assert ending_fiscal_year(datetime.date(2026, 3, 10)) == 2025
    assert ending_fiscal_year(datetime.date(2026, 4, 10)) == 2025
    assert ending_fiscal_year(datetime.date(2026, 5, 31)) == 2025
    assert ending_fiscal_year(datetime.date(2026, 6, 1)) is None
    assert ending_fiscal_year(datetime.date(2026, 2, 28)) is None


def test_year_end_evaluation_due_until_recorded(caseworker, org):
    case = CaseFactory(
        organization=org,
        number="FY",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2025, 6, 1),
    )
    CaseFactory(
        organization=org,
        number="NEW",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2026, 4, 2),
    )  # opened after the year ended
    today = datetime.date(2026, 4, 15)
    due = {g.kind.key: [i.case.number for i in g.items] for g in due_for(caseworker, today)}
    assert due["fiscal_year_end"] == ["FY"]
    EvaluationFactory(case=case, timing=Timing.FISCAL_YEAR_END, fiscal_year=2025)
    due = {g.kind.key: [i.case.number for i in g.items] for g in due_for(caseworker, today)}
    assert "fiscal_year_end" not in due
