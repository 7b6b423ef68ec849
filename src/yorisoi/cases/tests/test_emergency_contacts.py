"""Emergency contacts of the household (issue 15 §4, handbook point 43)."""

from django.urls import reverse

from yorisoi.cases.models import HouseholdMember
from yorisoi.cases.tests.factories import CaseFactory


def test_an_emergency_contact_needs_a_phone_and_shows_on_the_case_page_and_face_sheet(
    as_member, caseworker, org
):
    case = CaseFactory(organization=org)
    client = as_member(caseworker)
    url = reverse("cases:member_add", args=[case.pk])
    member = {"relation": "other_family", "name": "寄添 一郎", "is_emergency_contact": "on"}
    refused = client.post(url, member)
    assert refused.status_code == 200
    assert "緊急連絡先には電話番号が必要です" in refused.content.decode()
    assert not HouseholdMember.objects.exists()
    assert client.post(url, {**member, "phone": "090-1111-2222"}).status_code == 302
    assert HouseholdMember.objects.get().is_emergency_contact
    for page_url in (
        reverse("cases:case_detail", args=[case.pk]),
        reverse("cases:face_sheet", args=[case.pk]),
    ):
        page = client.get(page_url).content.decode()
        assert "緊急連絡先" in page
        assert "090-1111-2222" in page


def test_api_marks_an_emergency_contact_and_refuses_one_without_a_phone(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    client = api_as(caseworker)
    body = {"household": case.household_id, "relation": "mother", "is_emergency_contact": True}
    refused = client.post("/api/household-members/", body, format="json")
    assert refused.status_code == 400
    assert "phone" in refused.json()
    created = client.post(
        "/api/household-members/", {**body, "phone": "0120-000-000"}, format="json"
    )
    assert created.status_code == 201, created.content
    assert created.json()["is_emergency_contact"] is True
