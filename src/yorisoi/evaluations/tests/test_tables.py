"""The evaluation list (new) and the stalled cases download as .xlsx with what the page shows."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx
from yorisoi.evaluations.tests.factories import EvaluationFactory
from yorisoi.evaluations.tests.test_stalled import _rate


def test_evaluations_download_filtered_with_numbers_as_numbers(as_member, caseworker, org):
    EvaluationFactory(
        case=CaseFactory(organization=org, number="E-1"),
        timing="fiscal_year_end",
        fiscal_year=2024,
        rated_on=datetime.date(2025, 4, 20),
    )
    EvaluationFactory(case=CaseFactory(organization=org, number="E-2"))
    sheet = read_xlsx(
        xlsx(
            as_member(caseworker), reverse("evaluations:evaluation_list"), timing="fiscal_year_end"
        )
    )
    assert sheet.values("ケース番号") == ["E-1"]
    (year,) = sheet.column("年度")
    assert year.value == 2024
    assert year.data_type == "n"
    assert sheet.values("評価日") == ["令和7年4月20日"]


def test_a_clerk_sees_no_evaluations(as_member, clerk, org):
    EvaluationFactory(case=CaseFactory(organization=org))
    assert xlsx(as_member(clerk), reverse("evaluations:evaluation_list")).status_code == 403


def test_the_evaluation_list_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    EvaluationFactory(case=CaseFactory(organization=org))
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("evaluations:evaluation_list"),
        django_assert_max_num_queries,
        lambda: [EvaluationFactory(case=CaseFactory(organization=org)) for _ in range(20)],
    )


def _stuck(org, caseworker, name="=変化なし"):
    today = datetime.date.today()
    case = CaseFactory(
        organization=org,
        person__name=name,
        status="active",
        opened_on=today - datetime.timedelta(days=4 * 365),
    )
    _rate(caseworker, case, today - datetime.timedelta(days=400), 3)
    _rate(caseworker, case, today - datetime.timedelta(days=30), 3)
    return case


def test_stalled_cases_download_for_supervisors_only(as_member, caseworker, supervisor, org):
    case = _stuck(org, caseworker)
    sheet = read_xlsx(xlsx(as_member(supervisor), reverse("evaluations:stalled")))
    assert sheet.values("ケース番号") == [case.number]
    (name,) = sheet.column("氏名")
    assert name.value == "=変化なし"
    assert name.data_type == "s"
    assert xlsx(as_member(caseworker), reverse("evaluations:stalled")).status_code == 403


def test_the_stalled_list_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    _stuck(org, caseworker)
    assert_queries_do_not_grow(
        as_member(supervisor),
        reverse("evaluations:stalled"),
        django_assert_max_num_queries,
        lambda: [_stuck(org, caseworker, f"変化なし{i}") for i in range(8)],
    )
