"""Referrals out and received download as .xlsx with the filter in force."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx
from yorisoi.referrals.tests.factories import IncomingFactory, ReferralFactory

FORMULA = '=HYPERLINK("http://example.invalid/","x")'


def test_referrals_download_filtered_with_the_persons_name_as_text(as_member, caseworker, org):
    ReferralFactory(
        case=CaseFactory(organization=org, number="R-1", person__name=FORMULA),
        status="sent",
        referred_on=datetime.date(2025, 6, 1),
    )
    ReferralFactory(case=CaseFactory(organization=org, number="R-2"), status="declined")
    sheet = read_xlsx(
        xlsx(as_member(caseworker), reverse("referrals:referral_list"), status="sent")
    )
    assert sheet.values("ケース番号") == ["R-1"]
    (name,) = sheet.column("氏名")
    assert name.value == FORMULA
    assert name.data_type == "s"
    assert sheet.values("紹介日") == ["令和7年6月1日"]
    assert sheet.values("紹介日（西暦）") == [datetime.datetime(2025, 6, 1)]


def test_referrals_received_download(as_member, caseworker, org):
    IncomingFactory(organization=org, from_name=FORMULA, received_on=datetime.date(2025, 5, 1))
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("referrals:incoming_list")))
    (sender,) = sheet.column("紹介元")
    assert sender.value == FORMULA
    assert sender.data_type == "s"
    assert sheet.values("同意") == ["要確認"]


def test_a_clerk_downloads_no_referrals(as_member, clerk, org):
    ReferralFactory(case=CaseFactory(organization=org))
    for name in ("referrals:referral_list", "referrals:incoming_list"):
        assert xlsx(as_member(clerk), reverse(name)).status_code == 403


def test_the_referral_list_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    ReferralFactory(case=CaseFactory(organization=org))
    assert_queries_do_not_grow(
        as_member(caseworker),
        reverse("referrals:referral_list"),
        django_assert_max_num_queries,
        lambda: [ReferralFactory(case=CaseFactory(organization=org)) for _ in range(20)],
    )
