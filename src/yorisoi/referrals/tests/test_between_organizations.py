"""Two organizations on one installation: refer, accept or decline; only consented data crosses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.assessments.models import Assessment
from yorisoi.audit.models import AuditEvent
from yorisoi.cases.models import Case
from yorisoi.cases.tests.factories import CaseFactory, IntakeFactory
from yorisoi.consents import services as consent_services
from yorisoi.contacts.models import ContactRecord
from yorisoi.referrals import services
from yorisoi.referrals.models import IncomingReferral
from yorisoi.referrals.tests.factories import SharingConsentFactory

SECRET_NOTE = "母親との口論が続き夜眠れない"  # in A's contact record: must never reach B
MEDICAL = "思春期に通院歴あり"  # in A's intake, health section: not consented


@pytest.fixture
def setup(org, other_org, caseworker, make_member):
    """A (org) refers a case to B (other_org), which A keeps in its directory."""
    case = CaseFactory(
        organization=org,
        person__name="寄添 光",
        person__name_kana="よりそい ひかる",
        person__birth_date=datetime.date(1995, 5, 5),
        summary="就労に向けて相談したい",
    )
    IntakeFactory(case=case, organization=org, medical_history=MEDICAL, wishes="働きたい")
    ContactRecord.objects.create(
        organization=org,
        case=case,
        occurred_at=datetime.datetime(2025, 5, 1, 10, tzinfo=datetime.UTC),
        channel="phone",
        summary=SECRET_NOTE,
    )
    b_in_a_directory = AgencyFactory(
        organization=org,
        name="架空若者サポートステーション",
        category="youth_station",
        linked_organization=other_org,
    )
    consent = SharingConsentFactory(
        case=case,
        agency=b_in_a_directory,
        given_on=datetime.date(2025, 4, 1),
        items=["identity", "consultation"],
    )
    b_worker = make_member(other_org)
    return case, b_in_a_directory, consent, b_worker


def send(caseworker, case, agency, items=("identity", "consultation")):
    return services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=datetime.date.today(),
        reason="就労支援につなぐ",
        purpose="referral",
        channel="phone",
        items=list(items),
    )


def test_the_receiving_side_sees_only_the_consented_sections(setup, caseworker, api_as, as_member):
    case, agency, _consent, b_worker = setup
    referral = send(caseworker, case, agency)
    assert referral.status == "pending"
    assert referral.channel == "system"
    incoming = IncomingReferral.objects.get(source=referral)
    assert incoming.organization_id == b_worker.organization_id
    assert list(incoming.disclosed) == ["identity", "consultation"]
    response = api_as(b_worker).get(f"/api/referrals-received/{incoming.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "寄添 光" in body  # identity was consented
    assert "働きたい" in body  # the consultation section was consented
    assert MEDICAL not in body  # health was not
    assert SECRET_NOTE not in body  # contact records never cross
    page = as_member(b_worker).get(reverse("referrals:incoming_detail", args=[incoming.pk]))
    assert "寄添 光" in page.content.decode()
    assert MEDICAL not in page.content.decode()
    # Nothing of A's record is reachable from B, by page or API.
    assert api_as(b_worker).get(f"/api/cases/{case.pk}/").status_code == 404
    assert api_as(b_worker).get(f"/api/referrals/{referral.pk}/").status_code == 404
    assert as_member(b_worker).get(reverse("cases:case_detail", args=[case.pk])).status_code == 404
    # The audit log of both sides names what crossed.
    sent = AuditEvent.objects.get(action="provide", object_id=str(referral.pk))
    received = AuditEvent.objects.get(action="receive", object_id=str(incoming.pk))
    assert sent.organization_id == case.organization_id
    assert received.organization_id == b_worker.organization_id
    assert set(received.detail["fields"]) == {"identity", "consultation"}


def test_accepting_opens_a_case_and_the_sender_sees_the_outcome(setup, caseworker, api_as):
    case, agency, _consent, b_worker = setup
    referral = send(caseworker, case, agency)
    incoming = IncomingReferral.objects.get(source=referral)
    response = api_as(b_worker).post(
        f"/api/referrals-received/{incoming.pk}/accept/",
        {"opened_on": datetime.date.today().isoformat()},
        format="json",
    )
    assert response.status_code == 200, response.json()
    b_case = Case.objects.get(pk=response.json()["id"])
    assert b_case.organization_id == b_worker.organization_id
    assert b_case.person.name == "寄添 光"
    assert b_case.person.birth_date == datetime.date(1995, 5, 5)
    assert b_case.person_id != case.person_id  # B keeps its own record
    assert not Assessment.objects.filter(case=b_case).exists()
    referral.refresh_from_db()
    assert referral.status == "accepted"
    sender_view = api_as(caseworker).get(f"/api/referrals/{referral.pk}/").json()
    assert sender_view["status"] == "accepted"
    assert str(b_case.pk) not in str(sender_view.get("answer_note"))
    again = api_as(b_worker).post(
        f"/api/referrals-received/{incoming.pk}/accept/",
        {"opened_on": datetime.date.today().isoformat()},
        format="json",
    )
    assert again.status_code == 400


def test_declining_tells_the_sender_why(setup, caseworker, as_member):
    case, agency, _consent, b_worker = setup
    referral = send(caseworker, case, agency)
    incoming = IncomingReferral.objects.get(source=referral)
    client = as_member(b_worker)
    url = reverse("referrals:incoming_decline", args=[incoming.pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # a reason is required
    assert client.post(url, {"reason": "対象年齢外のため"}).status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.answer_note) == ("declined", "対象年齢外のため")


def test_only_consented_sections_may_be_chosen(setup, caseworker):
    case, agency, _consent, _b_worker = setup
    with pytest.raises(ValidationError):
        send(caseworker, case, agency, items=["identity", "health"])
    assert not IncomingReferral.objects.exists()


def test_withdrawal_stops_a_pending_referral_and_removes_its_data(setup, caseworker, api_as):
    case, agency, consent, b_worker = setup
    referral = send(caseworker, case, agency)
    consent_services.withdraw_consent(actor=caseworker, consent=consent, on=datetime.date.today())
    incoming = IncomingReferral.objects.get(source=referral)
    assert incoming.status == "withdrawn"
    assert incoming.disclosed == {}
    referral.refresh_from_db()
    assert referral.status == "retracted"
    body = api_as(b_worker).get(f"/api/referrals-received/{incoming.pk}/").content.decode()
    assert "寄添 光" not in body
    with pytest.raises(ValidationError):
        send(caseworker, case, agency)


def test_another_organization_cannot_answer_for_the_receiver(setup, caseworker, api_as):
    case, agency, _consent, _b_worker = setup
    referral = send(caseworker, case, agency)
    incoming = IncomingReferral.objects.get(source=referral)
    response = api_as(caseworker).post(
        f"/api/referrals-received/{incoming.pk}/decline/", {"reason": "x"}, format="json"
    )
    assert response.status_code == 404


def test_the_reason_crosses_only_with_consented_information(setup, caseworker):
    case, agency, consent, _b_worker = setup
    bare = send(caseworker, case, agency, items=[])
    assert IncomingReferral.objects.get(source=bare).what_they_said == ""
    gated = send(caseworker, case, agency)
    assert IncomingReferral.objects.get(source=gated).what_they_said == "就労支援につなぐ"
    consent_services.withdraw_consent(actor=caseworker, consent=consent, on=datetime.date.today())
    assert IncomingReferral.objects.get(source=gated).what_they_said == ""


def test_what_is_written_on_the_other_side_is_not_attributed_to_our_staff(setup, caseworker):
    case, agency, _consent, b_worker = setup
    referral = send(caseworker, case, agency)
    incoming = IncomingReferral.objects.get(source=referral)
    events = AuditEvent.objects.filter(organization_id=b_worker.organization_id)
    assert events.filter(object_id=str(incoming.pk)).exists()
    for event in events:
        assert event.actor_id is None
        assert event.ip_address is None
        assert str(case.pk) not in event.path


def test_only_our_own_linked_entries_deliver(setup, caseworker, org, other_org, make_member):
    case, agency, _consent, _b_worker = setup
    # Another organization's shared entry, linked by them: treated as an outside agency.
    third = make_member(other_org).organization
    foreign = AgencyFactory(
        organization=other_org, shared=True, linked_organization=None, category="youth_station"
    )
    foreign.linked_organization = third
    foreign.save()
    SharingConsentFactory(case=case, agency=foreign, given_on=datetime.date(2025, 4, 1))
    referral = send(caseworker, case, foreign)
    assert referral.status == "sent"
    assert not IncomingReferral.objects.filter(source=referral).exists()
    # A referral recorded for an earlier day is a record of the past: nothing is delivered.
    past = services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=datetime.date.today() - datetime.timedelta(days=3),
        reason="電話で紹介した",
        purpose="referral",
        channel="phone",
    )
    assert past.status == "sent"
    assert not IncomingReferral.objects.filter(source=past).exists()


def test_dates_in_the_future_are_refused(setup, caseworker):
    case, agency, _consent, _b_worker = setup
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.refer(
            actor=caseworker,
            case=case,
            agency=agency,
            referred_on=tomorrow,
            reason="予定",
            purpose="referral",
            channel="phone",
        )
    with pytest.raises(ValidationError):
        consent_services.record_consent(
            actor=caseworker,
            case=case,
            kind="sharing",
            given_by="person",
            given_on=tomorrow,
            scope="先の同意",
            agency=agency,
            purposes=["referral"],
            items=["identity"],
        )


def test_accepting_needs_case_staff_and_a_consent_still_in_force(
    setup, caseworker, api_as, make_member
):
    from yorisoi.core.roles import Role

    case, agency, consent, b_worker = setup
    referral = send(caseworker, case, agency)
    incoming = IncomingReferral.objects.get(source=referral)
    clerk = make_member(b_worker.organization, Role.CLERK)
    response = api_as(b_worker).post(
        f"/api/referrals-received/{incoming.pk}/accept/",
        {"opened_on": datetime.date.today().isoformat(), "primary_staff": clerk.pk},
        format="json",
    )
    assert response.status_code == 400
    consent.expires_on = datetime.date.today() - datetime.timedelta(days=1)
    consent.save()
    with pytest.raises(ValidationError):
        services.accept(actor=b_worker, incoming=incoming, opened_on=datetime.date.today())
    assert not Case.objects.filter(organization=b_worker.organization).exists()
