"""Visit safety (issue 15 §4, handbook point 43): violence found by the risk screen is shown on
every later visit form of the case, which then asks who else knows about the visit."""

import datetime

from django.urls import reverse

from yorisoi.assessments import services as assessment_services
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.contacts.models import ContactRecord

DAY = datetime.date(2025, 6, 1)


def _violence(actor, case, on=DAY):
    return assessment_services.record_assessment(
        actor=actor,
        case=case,
        assessed_on=on,
        risks={"violence_by_person": "母に物を投げたことがある"},
        urgency="attention",
        urgency_reason="家庭内での暴力",
    )


def _visit(staff, **fields):
    return {
        "occurred_on": "令和7年6月10日",
        "occurred_time": "14:00",
        "channel": "home_visit",
        "staff": [m.pk for m in staff],
        "reached": "family",
        "outcome": "met",
        "summary": "母と玄関先で話した",
        **fields,
    }


def test_a_later_home_visit_form_shows_the_notice_and_asks_who_knows(
    as_member, caseworker, supervisor, org
):
    case = CaseFactory(organization=org)
    HouseholdMemberFactory(
        household=case.household,
        organization=org,
        relation="other_family",
        name="寄添 一郎",
        phone="090-1111-2222",
        is_emergency_contact=True,
    )
    _violence(caseworker, case)
    client = as_member(caseworker)
    url = reverse("contacts:contact_add", args=[case.pk])
    form = client.get(url).content.decode()
    assert "訪問の前に" in form
    assert "母に物を投げたことがある" in form
    assert "090-1111-2222" in form  # the household's emergency contact, beside the notice
    refused = client.post(url, _visit([caseworker, supervisor]))
    assert refused.status_code == 200
    assert "この訪問を知っている人" in refused.content.decode()
    assert not ContactRecord.objects.exists()
    saved = client.post(
        url, _visit([caseworker, supervisor], visit_known_by="所長（17時に帰所連絡）")
    )
    assert saved.status_code == 302
    contact = ContactRecord.objects.get()
    assert contact.visit_known_by == "所長（17時に帰所連絡）"
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "所長（17時に帰所連絡）" in page  # on the timeline
    support_record = client.get(reverse("contacts:support_record", args=[case.pk]))
    assert "所長（17時に帰所連絡）" in support_record.content.decode()


def test_calls_visits_before_the_violence_and_corrections_are_not_asked(
    as_member, caseworker, supervisor, org
):
    case = CaseFactory(organization=org)
    _violence(caseworker, case)
    client = as_member(caseworker)
    url = reverse("contacts:contact_add", args=[case.pk])
    call = _visit([caseworker], channel="phone", outcome="talked", visit_known_by="所長")
    assert client.post(url, call).status_code == 302
    assert ContactRecord.objects.get().visit_known_by == ""  # only visits keep it
    earlier = _visit([caseworker, supervisor], occurred_on="令和7年5月20日")
    assert client.post(url, earlier).status_code == 302
    visit = ContactRecord.objects.get(channel="home_visit")
    edit = client.get(reverse("contacts:contact_edit", args=[visit.pk])).content.decode()
    assert "訪問の前に" in edit  # shown on the edit too, but not required for a correction
    corrected = client.post(
        reverse("contacts:contact_edit", args=[visit.pk]),
        {**earlier, "summary": "母と玄関先で話した（訂正）", "version": visit.version},
    )
    assert corrected.status_code == 302


def test_without_violence_no_notice_and_no_question(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    assessment_services.record_assessment(
        actor=caseworker,
        case=case,
        assessed_on=DAY,
        risks={"economic": "年金のみ"},
        urgency="attention",
        urgency_reason="生活費",
    )
    client = as_member(caseworker)
    url = reverse("contacts:contact_add", args=[case.pk])
    assert "訪問の前に" not in client.get(url).content.decode()
    assert client.post(url, _visit([caseworker, supervisor])).status_code == 302
    assert (
        "訪問の前に"
        not in client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    )


def test_the_case_page_shows_the_notice_above_the_contact_form(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    _violence(caseworker, case)
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "訪問の前に" in page
    assert page.index("訪問の前に") < page.index("quick-contact")
    assert "この世帯の緊急連絡先は登録されていません" in page


def test_api_asks_who_knows_for_a_new_visit_too(api_as, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    _violence(caseworker, case)
    client = api_as(caseworker)
    body = {
        "case": case.pk,
        "occurred_at": "2025-06-10T14:00:00+09:00",
        "channel": "home_visit",
        "staff": [caseworker.pk, supervisor.pk],
        "reached": "family",
        "outcome": "met",
        "summary": "母と話した",
    }
    refused = client.post("/api/contacts/", body, format="json")
    assert refused.status_code == 400
    assert "visit_known_by" in refused.json()
    saved = client.post("/api/contacts/", {**body, "visit_known_by": "所長"}, format="json")
    assert saved.status_code == 201, saved.content
    assert saved.json()["visit_known_by"] == "所長"
