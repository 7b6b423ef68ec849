"""The meeting list (new): every case meeting, filtered, on the page and as .xlsx."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx
from yorisoi.meetings.tests.factories import CaseMeetingFactory


def test_meetings_list_and_download_filtered(as_member, caseworker, org):
    CaseMeetingFactory(
        case=CaseFactory(organization=org, number="M-1"),
        kind="multi_agency",
        held_on=datetime.date(2025, 9, 1),
        matters="-2 から始める",
    )
    CaseMeetingFactory(case=CaseFactory(organization=org, number="M-2"), kind="internal")
    sheet = read_xlsx(
        xlsx(as_member(caseworker), reverse("meetings:meeting_list"), kind="multi_agency")
    )
    assert sheet.values("ケース番号") == ["M-1"]
    assert sheet.values("開催日") == ["令和7年9月1日"]
    (matters,) = sheet.column("検討した内容")
    assert matters.value == "-2 から始める"
    assert matters.data_type == "s"


def test_a_clerk_sees_no_meetings(as_member, clerk, org):
    CaseMeetingFactory(case=CaseFactory(organization=org))
    assert xlsx(as_member(clerk), reverse("meetings:meeting_list")).status_code == 403


def test_the_meeting_list_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    CaseMeetingFactory(case=CaseFactory(organization=org))
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("meetings:meeting_list"),
        django_assert_max_num_queries,
        lambda: [CaseMeetingFactory(case=CaseFactory(organization=org)) for _ in range(20)],
    )
