"""Case meetings: who took part, the policy decided, actions owned and completed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.assessments import services as assessment_services
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.meetings import services
from yorisoi.meetings.models import CaseMeeting, MeetingAction

DAY = datetime.date(2025, 6, 5)


def test_a_difficult_case_review_needs_several_staff(caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError):
        services.hold_meeting(
            actor=caseworker,
            case=case,
            held_on=DAY,
            matters="検討",
            difficult_case_review=True,
            staff=[caseworker],
        )
    meeting = services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=DAY,
        matters="検討",
        difficult_case_review=True,
        staff=[caseworker, supervisor],
        others=[{"name": "保健師 山田", "agency": "保健所"}],
    )
    assert [str(a) for a in meeting.attendees.all()][-1] == "保健師 山田（保健所）"


def test_meeting_through_the_page_with_actions(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    response = as_member(caseworker).post(
        reverse("meetings:meeting_add", args=[case.pk]),
        {
            "held_on": "令和7年6月5日",
            "kind": "multi_agency",
            "staff": [caseworker.pk, supervisor.pk],
            "others": "山田 / 保健所\n佐藤 / 地域包括支援センター",
            "matters": "母の介護と本人の生活について",
            "support_policy": "both",
            "action_0_what": "保健所と訪問日程を調整",
            "action_0_owner": caseworker.pk,
            "action_0_due": "R7.6.20",
            "action_1_what": "",
        },
    )
    assert response.status_code == 302
    meeting = CaseMeeting.objects.get()
    assert (meeting.support_policy, meeting.attendees.count()) == ("both", 4)
    action = MeetingAction.objects.get()
    assert (action.owner, action.due_on) == (caseworker, datetime.date(2025, 6, 20))
    as_member(caseworker).post(reverse("meetings:action_done", args=[action.pk]))
    action.refresh_from_db()
    assert action.done_on == datetime.date.today()


def test_the_urgent_banner_asks_for_a_meeting_until_one_is_held(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    assessment_services.change_urgency(
        actor=caseworker, case=case, level="urgent", reason="希死念慮"
    )
    url = reverse("cases:case_detail", args=[case.pk])
    assert (
        reverse("meetings:meeting_add", args=[case.pk])
        in as_member(caseworker).get(url).content.decode()
    )
    services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=datetime.date.today(),
        matters="緊急の検討",
        staff=[caseworker],
    )
    page = as_member(caseworker).get(url).content.decode()
    assert (
        reverse("meetings:meeting_add", args=[case.pk])
        not in page.split("urgency-banner")[1].split("</div>")[0]
    )


def test_api_holds_a_meeting(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    response = api_as(caseworker).post(
        "/api/meetings/",
        {
            "case": case.pk,
            "held_on": "2025-06-05",
            "matters": "方針の確認",
            "support_policy": "individual",
            "staff": [caseworker.pk],
            "others": [{"name": "山田", "agency": "保健所"}],
            "actions": [{"what": "手紙を送る", "owner": caseworker.pk, "due_on": "2025-06-12"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert len(response.json()["attendees"]) == 2


def test_my_due_actions_are_on_my_start_page(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    today = datetime.date.today()
    services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=today,
        matters="検討",
        staff=[caseworker],
        actions=[
            {"what": "家族会の案内を送る", "owner": caseworker, "due_on": today},
            {
                "what": "来月の確認",
                "owner": caseworker,
                "due_on": today + datetime.timedelta(days=30),
            },
            {"what": "管理者の確認", "owner": supervisor, "due_on": today},
        ],
    )
    home = as_member(caseworker).get("/").content.decode()
    assert "家族会の案内を送る" in home
    assert "来月の確認" not in home
    assert "管理者の確認" not in home
