"""Handovers download as .xlsx with the filter in force."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx
from yorisoi.handovers.tests.factories import HandoverFactory


def test_handovers_download_filtered(as_member, supervisor, caseworker, org):
    HandoverFactory(
        case=CaseFactory(organization=org, number="H-1", person__name="=SUM(1)"),
        to_staff=caseworker,
        handed_over_on=datetime.date(2025, 7, 1),
    )
    HandoverFactory(case=CaseFactory(organization=org, number="H-2"), reason="leave")
    client = as_member(supervisor)
    sheet = read_xlsx(xlsx(client, reverse("handovers:handover_list"), to_staff=caseworker.pk))
    assert sheet.values("ケース番号") == ["H-1"]
    assert sheet.values("引継ぎ日") == ["令和7年7月1日"]
    assert sheet.values("引継ぎ日（西暦）") == [datetime.datetime(2025, 7, 1)]
    (name,) = sheet.column("氏名")
    assert name.data_type == "s"
    assert name.value == "=SUM(1)"


def test_a_clerk_downloads_no_handovers(as_member, clerk, org):
    HandoverFactory(case=CaseFactory(organization=org))
    assert xlsx(as_member(clerk), reverse("handovers:handover_list")).status_code == 403


def test_the_handover_list_queries_do_not_grow(
    as_member, supervisor, org, django_assert_max_num_queries
):
    HandoverFactory(case=CaseFactory(organization=org))
    assert_queries_do_not_grow(
        as_member(supervisor),
        reverse("handovers:handover_list"),
        django_assert_max_num_queries,
        lambda: [HandoverFactory(case=CaseFactory(organization=org)) for _ in range(20)],
    )
