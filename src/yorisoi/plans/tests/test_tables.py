"""The plan list (new): every plan version, filtered, on the page and as .xlsx."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx
from yorisoi.plans.tests.factories import SupportPlanFactory


def test_plans_list_and_download_the_current_versions(as_member, caseworker, org):
    case = CaseFactory(organization=org, number="P-1")
    SupportPlanFactory(case=case, number=1, made_on=datetime.date(2025, 4, 1))
    SupportPlanFactory(
        case=case,
        number=2,
        made_on=datetime.date(2025, 10, 1),
        review_on=datetime.date(2026, 3, 31),
        person_intentions="@まずは外に出たい",
    )
    client = as_member(caseworker)
    page = client.get(reverse("plans:plan_list"), {"current": "on"})
    assert [p.number for p in page.context["object_list"]] == [2]
    sheet = read_xlsx(xlsx(client, reverse("plans:plan_list"), current="on"))
    assert sheet.values("版") == [2]
    assert sheet.values("見直し予定日") == ["令和8年3月31日"]
    (words,) = sheet.column("本人の意向")
    assert words.value == "@まずは外に出たい"
    assert words.data_type == "s"
    assert words.quotePrefix


def test_a_clerk_sees_no_plans(as_member, clerk, org):
    SupportPlanFactory(case=CaseFactory(organization=org))
    client = as_member(clerk)
    assert client.get(reverse("plans:plan_list")).status_code == 403
    assert xlsx(client, reverse("plans:plan_list")).status_code == 403


def test_the_plan_list_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    SupportPlanFactory(case=CaseFactory(organization=org))
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("plans:plan_list"),
        django_assert_max_num_queries,
        lambda: [SupportPlanFactory(case=CaseFactory(organization=org)) for _ in range(20)],
    )
