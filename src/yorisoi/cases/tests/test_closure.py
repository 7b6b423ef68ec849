"""Closing a case with a reason and an optional loose follow-up; reopening keeps one timeline."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.cases import closure
from yorisoi.cases.models import CaseEvent, FollowUp
from yorisoi.cases.tests.factories import CaseFactory

DAY = datetime.date(2025, 9, 30)


def test_close_with_a_follow_up_the_person_agreed_to(as_member, caseworker, org):
    case = CaseFactory(organization=org, status="active")
    response = as_member(caseworker).post(
        reverse("cases:case_close", args=[case.pk]),
        {
            "version": case.version,
            "closed_on": "令和7年9月30日",
            "close_reason": "goal_reached",
            "follow_up_agreed_by": "person",
            "follow_up_weeks": "8",
            "follow_up_note": "手紙でゆるやかに",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.closed_on, case.close_reason) == ("closed", DAY, "goal_reached")
    follow_up = FollowUp.objects.get(case=case)
    assert follow_up.next_check_on == DAY + datetime.timedelta(weeks=8)
    as_member(caseworker).post(reverse("cases:follow_up_check_in", args=[follow_up.pk]))
    follow_up.refresh_from_db()
    assert follow_up.next_check_on > DAY + datetime.timedelta(weeks=8)


def test_follow_up_needs_agreement_and_reason_is_required(caseworker, org):
    case = CaseFactory(organization=org, status="active")
    with pytest.raises(ValidationError):
        closure.close_case(
            actor=caseworker,
            case=case,
            expected_version=case.version,
            closed_on=DAY,
            close_reason="goal_reached",
            follow_up_weeks=8,
        )
    with pytest.raises(ValidationError):
        closure.close_case(
            actor=caseworker,
            case=case,
            expected_version=case.version,
            closed_on=DAY,
            close_reason="",
        )


def test_reopening_keeps_one_timeline(as_member, caseworker, org):
    case = CaseFactory(organization=org, status="active")
    closure.close_case(
        actor=caseworker,
        case=case,
        expected_version=case.version,
        closed_on=DAY,
        close_reason="contact_lost",
        follow_up_weeks=4,
        follow_up_agreed_by="family",
    )
    closure.reopen_case(
        actor=caseworker, case=case, expected_version=case.version, reason="母から再び連絡"
    )
    case.refresh_from_db()
    assert (case.status, case.closed_on) == ("active", None)
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert "closed" in kinds and "reopened" in kinds  # noqa: PT018
    assert FollowUp.objects.get(case=case).ended_on is not None
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "母から再び連絡" in page
