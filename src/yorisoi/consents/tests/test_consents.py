"""Consent: in force only between giving and expiry or withdrawal; printable; never erased."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.consents import services
from yorisoi.consents.models import Consent

DAY = datetime.date(2025, 6, 1)


def test_consent_in_force_respects_expiry_and_withdrawal(caseworker, org):
    case = CaseFactory(organization=org)
    lasting = services.record_consent(
        actor=caseworker,
        case=case,
        kind="personal_information",
        given_by="person",
        given_on=DAY,
        scope="記録",
    )
    expiring = services.record_consent(
        actor=caseworker,
        case=case,
        kind="sharing",
        given_by="person",
        given_on=DAY,
        scope="記録",
        agency_category="health_center",
        purposes=["referral"],
        items=["identity"],
        expires_on=DAY + datetime.timedelta(days=30),
    )
    in_force = lambda on: set(Consent.objects.filter(case=case).in_force(on))  # noqa: E731
    assert in_force(DAY) == {lasting, expiring}
    assert in_force(DAY + datetime.timedelta(days=31)) == {lasting}
    services.withdraw_consent(
        actor=caseworker, consent=lasting, on=DAY + datetime.timedelta(days=5)
    )
    assert in_force(DAY + datetime.timedelta(days=6)) == {expiring}
    assert in_force(DAY + datetime.timedelta(days=4)) == {lasting, expiring}  # history stays true
    assert Consent.objects.filter(case=case).count() == 2


def test_consent_rules_are_explained(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError) as family:
        services.record_consent(
            actor=caseworker,
            case=case,
            kind="personal_information",
            given_by="family",
            given_on=DAY,
            scope="記録",
        )
    assert "given_by_member" in family.value.message_dict
    with pytest.raises(ValidationError) as sharing:
        services.record_consent(
            actor=caseworker,
            case=case,
            kind="sharing",
            given_by="person",
            given_on=DAY,
            scope="記録",
        )
    assert {"agency", "purposes", "items"} <= set(sharing.value.message_dict)


def test_record_withdraw_and_print_through_the_pages(as_member, caseworker, org):
    case = CaseFactory(organization=org, person__name="寄添 光")
    mother = HouseholdMemberFactory(household=case.household, organization=org, name="寄添 和子")
    client = as_member(caseworker)
    response = client.post(
        reverse("consents:consent_add", args=[case.pk]),
        {
            "kind": "personal_information",
            "given_by": "family",
            "given_by_member": mother.pk,
            "given_on": "令和7年6月1日",
            "scope": "相談記録と連絡先",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    # The face sheet's consents section comes from this app's registered section.
    sheet = client.get(reverse("cases:face_sheet", args=[case.pk])).content.decode()
    assert "寄添 和子" in sheet
    assert "令和7年6月1日" in sheet
    printed = client.get(reverse("consents:consent_print", args=[consent.pk])).content.decode()
    assert "寄添 和子" in printed
    assert "相談記録と連絡先" in printed
    assert "令和7年6月1日" in printed
    client.post(
        reverse("consents:consent_withdraw", args=[consent.pk]), {"withdrawn_on": "2025-07-01"}
    )
    consent.refresh_from_db()
    assert consent.withdrawn_on == datetime.date(2025, 7, 1)
    sheet = client.get(reverse("cases:face_sheet", args=[case.pk])).content.decode()
    assert "有効な同意はありません" in sheet
    again = client.post(
        reverse("consents:consent_withdraw", args=[consent.pk]), {"withdrawn_on": "2025-07-02"}
    )
    assert again.status_code == 200
    assert "すでに撤回" in again.content.decode()


def test_api_records_a_consent_to_share(api_as, caseworker, org):
    from yorisoi.agencies.tests.factories import AgencyFactory

    case = CaseFactory(organization=org)
    agency = AgencyFactory(organization=org)
    payload = {
        "case": case.pk,
        "kind": "sharing",
        "given_by": "person",
        "given_on": "2025-06-01",
        "scope": "氏名と連絡先",
        "agency": agency.pk,
        "purposes": ["referral"],
        "items": ["identity"],
    }
    response = api_as(caseworker).post("/api/consents/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["items"] == ["identity"]
    bad = api_as(caseworker).post(
        "/api/consents/", {**payload, "items": ["everything"]}, format="json"
    )
    assert bad.status_code == 400


def test_the_printed_form_names_a_person_known_by_a_nickname_as_a_nickname(
    as_member, caseworker, org
):
    from yorisoi.consents.tests.factories import ConsentFactory

    case = CaseFactory(organization=org, person__name="", person__nickname="Aさん")
    consent = ConsentFactory(case=case, organization=org, given_by="person")
    page = as_member(caseworker).get(reverse("consents:consent_print", args=[consent.pk]))
    assert '<span class="nickname">Aさん</span> <span class="nickname-mark">呼び名</span>' in (
        page.content.decode()
    )
