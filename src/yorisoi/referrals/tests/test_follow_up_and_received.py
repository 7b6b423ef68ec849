"""After a referral: "did support start?" on the due lists; referrals received and their consent."""

import datetime

from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.due.registry import due_for
from yorisoi.referrals import services
from yorisoi.referrals.models import IncomingReferral, Referral

DAY = datetime.date(2025, 6, 1)


def due_keys(member, today):
    return {g.kind.key: [i.case.number for i in g.items] for g in due_for(member, today)}


def test_follow_up_is_asked_after_the_set_weeks_until_answered(caseworker, org, as_member):
    org.referral_follow_up_weeks = 3
    org.save()
    case = CaseFactory(organization=org, primary_staff=caseworker, status="active")
    agency = AgencyFactory(organization=org)
    referral = services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=DAY,
        reason="就労相談",
        purpose="referral",
        channel="phone",
    )
    assert referral.follow_up_on == DAY + datetime.timedelta(weeks=3)
    assert "referral_follow_up" not in due_keys(caseworker, DAY + datetime.timedelta(days=20))
    assert due_keys(caseworker, DAY + datetime.timedelta(days=21))["referral_follow_up"] == [
        case.number
    ]
    response = as_member(caseworker).post(
        reverse("referrals:follow_up", args=[referral.pk]),
        {"support_started": "no", "note": "予約が取れていない", "on": "2025-06-25"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.support_started == "no"
    assert "referral_follow_up" not in due_keys(caseworker, DAY + datetime.timedelta(days=30))
    # A re-referral is linked to the one that did not lead to support.
    page = as_member(caseworker).get(
        reverse("referrals:referral_add", args=[case.pk]) + f"?again={referral.pk}"
    )
    assert f'value="{referral.pk}"' in page.content.decode()
    again = services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=DAY + datetime.timedelta(days=30),
        reason="再紹介",
        purpose="referral",
        channel="accompany",
        previous=referral,
    )
    assert list(referral.re_referrals.all()) == [again]


def test_referral_received_without_consent_is_marked_until_confirmed(caseworker, org, as_member):
    case = CaseFactory(organization=org, primary_staff=caseworker, status="active")
    client = as_member(caseworker)
    response = client.post(
        reverse("referrals:incoming_add", args=[case.pk]),
        {
            "received_on": "2025-05-01",
            "from_name": "架空保健センター",
            "from_person": "保健 師子",
            "what_they_said": "母親から相談があり紹介したい",
            "sender_consent": "not_confirmed",
        },
    )
    assert response.status_code == 302
    incoming = IncomingReferral.objects.get()
    assert incoming.needs_consent_check
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "同意が未確認" in page
    assert due_keys(caseworker, DAY)["referral_consent"] == [case.number]
    client.post(reverse("referrals:incoming_confirm", args=[incoming.pk]))
    incoming.refresh_from_db()
    assert incoming.consent_confirmed_on is not None
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "同意が未確認" not in page
    assert "referral_consent" not in due_keys(caseworker, DAY)


def test_team_page_shows_staff_agencies_and_what_connects_them(caseworker, org, as_member):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    agency = AgencyFactory(organization=org, name="架空地域包括", contact_person="包括 太郎")
    services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=DAY,
        reason="介護の相談",
        purpose="coordination",
        channel="phone",
    )
    from yorisoi.meetings import services as meeting_services

    # A meeting attendee typed with the agency's name (any width) joins the same entry.
    meeting_services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=DAY,
        matters="世帯の支援を検討",
        staff=[caseworker],
        others=[
            {"name": "包括 次郎", "agency": "架空地域包括"},
            {"name": "民生 委員", "agency": "地区民生委員"},
        ],
    )
    page = as_member(caseworker).get(reverse("referrals:team", args=[case.pk])).content.decode()
    assert page.count(reverse("agencies:agency_detail", args=[agency.pk])) == 1
    assert "包括 太郎" in page
    assert "地区民生委員" in page  # typed, not in the directory: still listed
    assert str(caseworker.user) in page
    assert Referral.objects.count() == 1


def test_pages_stay_bounded(caseworker, org, as_member, django_assert_max_num_queries):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    agency = AgencyFactory(organization=org)
    for i in range(15):
        services.refer(
            actor=caseworker,
            case=case,
            agency=agency,
            referred_on=DAY,
            reason=f"紹介{i}",
            purpose="referral",
            channel="phone",
        )
    client = as_member(caseworker)
    for url in (
        reverse("referrals:referral_list"),
        reverse("referrals:team", args=[case.pk]),
        reverse("referrals:referral_detail", args=[Referral.objects.first().pk]),
        reverse("cases:case_detail", args=[case.pk]),
    ):
        with django_assert_max_num_queries(45):
            assert client.get(url).status_code == 200
