"""The consent gate: personal information goes with a referral only on a ground that covers it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory, CouncilFactory
from yorisoi.audit.models import AuditEvent
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents import services as consent_services
from yorisoi.referrals import services
from yorisoi.referrals.models import ProvisionRecord, Referral
from yorisoi.referrals.tests.factories import SharingConsentFactory

DAY = datetime.date(2025, 6, 1)


@pytest.fixture
def case(org):
    return CaseFactory(organization=org, person__name="寄添 光", summary="外出が難しい")


@pytest.fixture
def hello_work(org):
    return AgencyFactory(organization=org, name="架空ハローワーク寄添", category="hello_work")


def refer(actor, case, agency, **overrides):
    fields = {
        "referred_on": DAY,
        "reason": "就労相談につなぐ",
        "purpose": "referral",
        "channel": "phone",
        "items": ["identity", "consultation"],
    }
    fields.update(overrides)
    return services.refer(actor=actor, case=case, agency=agency, **fields)


def refused(actor, case, agency, **overrides) -> str:
    with pytest.raises(ValidationError) as error:
        refer(actor, case, agency, **overrides)
    assert not Referral.objects.filter(case=case).exists()
    return " ".join(error.value.message_dict["items"])


def test_no_consent_names_what_is_missing(caseworker, case, hello_work):
    message = refused(caseworker, case, hello_work)
    assert "架空ハローワーク寄添" in message
    assert "氏名" in message  # the items that would go
    assert "紹介" in message or "つなぎ" in message  # the purpose
    assert "同意" in message


def test_a_matching_consent_allows_it_and_leaves_a_provision_record(caseworker, case, hello_work):
    consent = SharingConsentFactory(case=case, agency=hello_work)
    referral = refer(caseworker, case, hello_work)
    assert referral.basis == "consent"
    assert referral.consent == consent
    assert set(referral.disclosed) == {"identity", "consultation"}
    record = ProvisionRecord.objects.get(referral=referral)
    assert (record.provided_on, record.recipient, record.person_id) == (
        DAY,
        "架空ハローワーク寄添",
        case.person_id,
    )
    assert record.items == ["identity", "consultation"]
    assert record.consent == consent
    event = AuditEvent.objects.get(action="provide", object_id=str(referral.pk))
    assert "氏名（ふりがな）" in event.detail["fields"]["identity"]
    assert "寄添 光" not in str(event.detail)  # names of fields, never the values


def test_expired_consent(caseworker, case, hello_work):
    SharingConsentFactory(case=case, agency=hello_work, expires_on=DAY - datetime.timedelta(1))
    assert "期限切れ" in refused(caseworker, case, hello_work)


def test_withdrawn_consent(caseworker, case, hello_work):
    consent = SharingConsentFactory(case=case, agency=hello_work)
    consent_services.withdraw_consent(actor=caseworker, consent=consent, on=DAY)
    message = refused(caseworker, case, hello_work)
    assert "撤回" in message


def test_consent_for_another_agency(caseworker, case, hello_work, org):
    other = AgencyFactory(organization=org, name="架空保健所", category="health_center")
    SharingConsentFactory(case=case, agency=other)
    assert "架空保健所" in refused(caseworker, case, hello_work)


def test_consent_for_another_purpose(caseworker, case, hello_work):
    SharingConsentFactory(case=case, agency=hello_work, purposes=["case_meeting"])
    refused(caseworker, case, hello_work)


def test_consent_not_covering_every_item(caseworker, case, hello_work):
    SharingConsentFactory(case=case, agency=hello_work, items=["identity"])
    message = refused(caseworker, case, hello_work)
    assert "経過" in message
    assert refer(caseworker, case, hello_work, items=["identity"]).basis == "consent"


def test_consent_for_the_agency_category(caseworker, case, hello_work):
    SharingConsentFactory(case=case, agency=None, agency_category="hello_work")
    assert refer(caseworker, case, hello_work).basis == "consent"


def test_without_personal_information_no_consent_is_needed(caseworker, case, hello_work):
    referral = refer(caseworker, case, hello_work, items=[])
    assert referral.basis == "none"
    assert referral.disclosed == {}
    assert not ProvisionRecord.objects.exists()


def test_support_council_member_without_consent(caseworker, case, hello_work, org):
    council = CouncilFactory(organization=org)
    outsider = AgencyFactory(organization=org, name="架空民間団体", category="partner_npo")
    message = refused(caseworker, case, outsider, basis="council", council=council)
    assert "架空民間団体" in message
    council.members.add(hello_work)
    referral = refer(caseworker, case, hello_work, basis="council", council=council)
    assert referral.basis == "council"
    assert referral.consent is None
    record = ProvisionRecord.objects.get(referral=referral)
    assert record.council == council
    assert "社会福祉法" in record.basis_label


def test_dissolved_council_no_longer_covers(caseworker, case, hello_work, org):
    council = CouncilFactory(organization=org, ended_on=DAY - datetime.timedelta(days=1))
    council.members.add(hello_work)
    refused(caseworker, case, hello_work, basis="council", council=council)


def test_emergency_only_for_a_supervisor_with_a_reason(caseworker, supervisor, case, hello_work):
    refused(caseworker, case, hello_work, basis="emergency", emergency_reason="自傷の危険")
    refused(supervisor, case, hello_work, basis="emergency", emergency_reason="")
    referral = refer(supervisor, case, hello_work, basis="emergency", emergency_reason="自傷の危険")
    assert referral.basis == "emergency"
    assert AuditEvent.objects.get(action="provide", object_id=str(referral.pk)).flagged


def test_agency_of_another_organization_is_refused(caseworker, case, other_org):
    private = AgencyFactory(organization=other_org)
    with pytest.raises(ValidationError):
        refer(caseworker, case, private, items=[])
    shared = AgencyFactory(organization=other_org, shared=True)
    assert refer(caseworker, case, shared, items=[]).agency == shared


def test_clerks_cannot_refer(clerk, case, hello_work):
    with pytest.raises(PermissionDenied):
        refer(clerk, case, hello_work, items=[])


def test_api_refuses_with_the_missing_consent(api_as, caseworker, case, hello_work):
    payload = {
        "case": case.pk,
        "agency": hello_work.pk,
        "referred_on": "2025-06-01",
        "reason": "就労相談",
        "purpose": "referral",
        "channel": "phone",
        "items": ["identity"],
    }
    response = api_as(caseworker).post("/api/referrals/", payload, format="json")
    assert response.status_code == 400
    assert "架空ハローワーク寄添" in str(response.json())
    SharingConsentFactory(case=case, agency=hello_work)
    response = api_as(caseworker).post("/api/referrals/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["basis"] == "consent"
    assert list(response.json()["disclosed"]) == ["identity"]


def test_api_emergency_is_refused_to_a_caseworker(api_as, caseworker, case, hello_work):
    payload = {
        "case": case.pk,
        "agency": hello_work.pk,
        "referred_on": "2025-06-01",
        "reason": "緊急",
        "purpose": "referral",
        "channel": "phone",
        "items": ["identity"],
        "basis": "emergency",
        "emergency_reason": "生命の危険",
    }
    response = api_as(caseworker).post("/api/referrals/", payload, format="json")
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_page_shows_the_gate_then_records(as_member, caseworker, case, hello_work):
    client = as_member(caseworker)
    url = reverse("referrals:referral_add", args=[case.pk])
    data = {
        "agency": hello_work.pk,
        "referred_on": "R7.6.1",
        "purpose": "referral",
        "channel": "phone",
        "reason": "就労相談",
        "items": ["identity"],
        "basis": "consent",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "個人情報を付けて紹介することはできません" in page
    assert "架空ハローワーク寄添" in page
    assert not Referral.objects.exists()
    response = client.post(url, {**data, "items": []})
    assert response.status_code == 302
    assert Referral.objects.get().basis == "none"


def test_withdrawal_lists_referrals_made_under_it(as_member, caseworker, case, hello_work):
    consent = SharingConsentFactory(case=case, agency=hello_work)
    refer(caseworker, case, hello_work)
    client = as_member(caseworker)
    page = client.get(reverse("consents:consent_withdraw", args=[consent.pk])).content.decode()
    assert "架空ハローワーク寄添" in page
    client.post(
        reverse("consents:consent_withdraw", args=[consent.pk]), {"withdrawn_on": "2025-06-10"}
    )
    events = AuditEvent.objects.filter(object_type="consents.consent", action="update")
    listed = [e.detail["referrals_made_under_it"] for e in events if "withdrawn" in e.detail]
    assert listed == [[Referral.objects.get().pk]]
    with pytest.raises(ValidationError):
        refer(caseworker, case, hello_work, referred_on=datetime.date(2025, 6, 11))
