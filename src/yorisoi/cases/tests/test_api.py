"""The case API: same services, same scoping, same rules as the pages."""

import datetime

from yorisoi.cases.models import Case
from yorisoi.cases.tests.factories import CaseFactory, InquiryFactory
from yorisoi.contacts import services as contact_services


def test_open_a_case_and_record_a_contact_through_the_api(api_as, caseworker, supervisor):
    client = api_as(caseworker)
    opened = client.post(
        "/api/cases/",
        {
            "opened_on": "2025-06-01",
            "first_consulter": "mother",
            "person_data": {"name_kana": "やまだ"},
            "primary_staff": caseworker.pk,
        },
        format="json",
    )
    assert opened.status_code == 201, opened.json()
    case_id = opened.json()["id"]
    contact = client.post(
        "/api/contacts/",
        {
            "case": case_id,
            "occurred_at": "2025-06-02T10:00:00+09:00",
            "channel": "home_visit",
            "staff": [caseworker.pk, supervisor.pk],
            "reached": "family",
            "outcome": "through_door",
            "summary": "扉越しに挨拶",
        },
        format="json",
    )
    assert contact.status_code == 201, contact.json()
    found = client.get("/api/contacts/", {"q": "挨拶"}).json()
    assert [c["id"] for c in found["results"]] == [contact.json()["id"]]


def test_api_refuses_references_to_other_organizations(api_as, caseworker, other_org, make_member):
    foreign_case = CaseFactory(organization=other_org)
    foreign_staff = make_member(other_org)
    client = api_as(caseworker)
    response = client.post(
        "/api/contacts/",
        {
            "case": foreign_case.pk,
            "occurred_at": "2025-06-02T10:00:00+09:00",
            "channel": "phone",
            "staff": [foreign_staff.pk],
            "reached": "family",
            "outcome": "met",
            "summary": "x",
        },
        format="json",
    )
    assert response.status_code == 400
    assert {"case", "staff"} <= set(response.json())


def test_api_edits_need_the_current_version(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    contact = contact_services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        occurred_at=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
        channel="phone",
        reached="family",
        outcome="met",
        summary="元",
    )
    client = api_as(caseworker)
    url = f"/api/contacts/{contact.pk}/"
    assert client.patch(url, {"summary": "新"}, format="json").status_code == 400
    assert (
        client.patch(url, {"summary": "新", "version": contact.version}, format="json").status_code
        == 200
    )
    assert (
        client.patch(url, {"summary": "古", "version": contact.version}, format="json").status_code
        == 409
    )
    versions = client.get(f"{url}versions/").json()
    assert [v["data"]["summary"] for v in versions] == ["元"]


def test_inquiry_to_case_through_the_api(api_as, caseworker, org):
    inquiry = InquiryFactory(organization=org, person_name="新規 花子")
    client = api_as(caseworker)
    assert client.get(f"/api/inquiries/{inquiry.pk}/matches/").json() == []
    response = client.post(
        f"/api/inquiries/{inquiry.pk}/convert/", {"opened_on": "2025-06-03"}, format="json"
    )
    assert response.status_code == 201
    assert Case.objects.get().person.name == "新規 花子"
    again = client.post(
        f"/api/inquiries/{inquiry.pk}/convert/", {"opened_on": "2025-06-03"}, format="json"
    )
    assert again.status_code == 400


def test_case_list_api_filters_like_the_page(api_as, caseworker, org):
    CaseFactory(organization=org, status="active", number="A")
    CaseFactory(organization=org, status="closed", number="B")
    rows = api_as(caseworker).get("/api/cases/", {"status": "active"}).json()["results"]
    assert [r["number"] for r in rows] == ["A"]


def test_filtering_by_another_organizations_case_looks_like_a_missing_one(
    api_as, caseworker, other_org
):
    foreign = CaseFactory(organization=other_org)
    client = api_as(caseworker)
    theirs = client.get("/api/contacts/", {"case": foreign.pk})
    missing = client.get("/api/contacts/", {"case": 999999})
    assert theirs.status_code == missing.status_code == 400
    assert client.get("/api/consents/", {"case": foreign.pk}).status_code == 400
