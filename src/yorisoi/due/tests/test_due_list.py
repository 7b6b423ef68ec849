"""The due page (new): every item the member answers for, by kind, and as .xlsx."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx

LONG_AGO = datetime.date(2020, 4, 1)


def _silent(org, caseworker, **fields):
    return CaseFactory(
        organization=org, primary_staff=caseworker, status="active", opened_on=LONG_AGO, **fields
    )


def test_the_due_page_lists_and_downloads_each_kind(as_member, caseworker, org):
    _silent(org, caseworker, number="D-1", person__name="=寄添")
    CaseFactory(organization=org, number="D-9", status="active", opened_on=LONG_AGO)  # not theirs
    client = as_member(caseworker)
    page = client.get(reverse("due:due_list"))
    assert [r.item.case.number for r in page.context["rows"]] == ["D-1"]
    sheet = read_xlsx(xlsx(client, reverse("due:due_list"), kind="silence"))
    assert sheet.values("ケース番号") == ["D-1"]
    assert sheet.values("種別") == ["長く接触がないケース"]
    (name,) = sheet.column("氏名")
    assert name.value == "=寄添"
    assert name.data_type == "s"


def test_another_kind_filters_the_items_out(as_member, caseworker, org):
    _silent(org, caseworker)
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("due:due_list"), kind="plan_review"))
    assert sheet.rows == []


def test_roles_without_cases_have_no_due_page(as_member, clerk, sysadmin):
    for member in (clerk, sysadmin):
        client = as_member(member)
        assert client.get(reverse("due:due_list")).status_code == 403
        assert xlsx(client, reverse("due:due_list")).status_code == 403


def test_the_start_page_links_to_the_due_page(as_member, caseworker, org):
    _silent(org, caseworker)
    assert reverse("due:due_list") in as_member(caseworker).get("/").content.decode()


def test_the_due_page_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    _silent(org, caseworker)
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("due:due_list"),
        django_assert_max_num_queries,
        lambda: [_silent(org, caseworker) for _ in range(20)],
        limit=40,
    )
