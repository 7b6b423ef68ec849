"""Supervisor approval of closures and new plans, when the organization asks for it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from yorisoi.cases import closure
from yorisoi.cases.models import CaseEvent, ClosureRequest
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.plans import services as plan_services

DAY = datetime.date(2025, 9, 30)


@pytest.fixture
def strict_org(org):
    org.approve_closures = True
    org.approve_plans = True
    org.save()
    return org


def test_a_caseworkers_closure_waits_for_the_supervisor(
    as_member, caseworker, supervisor, strict_org
):
    case = CaseFactory(organization=strict_org, status="active")
    response = as_member(caseworker).post(
        reverse("cases:case_close", args=[case.pk]),
        {
            "version": case.version,
            "closed_on": "2025-09-30",
            "close_reason": "referred",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "active"
    request = ClosureRequest.objects.get(case=case)
    assert (
        "Closing" in as_member(supervisor).get("/").content.decode()
        or "終結" in as_member(supervisor).get("/").content.decode()
    )
    with pytest.raises(PermissionDenied):
        closure.decide_closure(actor=caseworker, request=request, approve=True)
    as_member(supervisor).post(reverse("cases:closure_decide", args=[request.pk]), {"approve": "1"})
    case.refresh_from_db()
    assert (case.status, case.closed_on, case.close_reason) == ("closed", DAY, "referred")
    assert CaseEvent.objects.filter(case=case, kind="approval").count() == 2


def test_returning_needs_a_comment_and_shows_on_the_timeline(
    as_member, caseworker, supervisor, strict_org
):
    case = CaseFactory(organization=strict_org, status="active")
    request = closure.close_or_request(
        actor=caseworker,
        case=case,
        expected_version=case.version,
        closed_on=DAY,
        close_reason="contact_lost",
    )
    with pytest.raises(ValidationError):
        closure.decide_closure(actor=supervisor, request=request, approve=False, comment="")
    closure.decide_closure(
        actor=supervisor, request=request, approve=False, comment="もう少し様子を見ましょう"
    )
    case.refresh_from_db()
    assert case.status == "active"
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "もう少し様子を見ましょう" in page


def test_new_plans_await_approval(caseworker, supervisor, strict_org):
    case = CaseFactory(organization=strict_org)
    plan = plan_services.make_plan(actor=caseworker, case=case, made_on=DAY, goals=[])
    assert plan.approval == "pending"
    plan_services.decide_plan(actor=supervisor, plan=plan, approve=True)
    plan.refresh_from_db()
    assert plan.approval == "approved"
    with pytest.raises(ValidationError):
        plan_services.decide_plan(actor=supervisor, plan=plan, approve=True)


def test_without_the_setting_nothing_waits(caseworker, org):
    case = CaseFactory(organization=org, status="active")
    closure.close_or_request(
        actor=caseworker,
        case=case,
        expected_version=case.version,
        closed_on=DAY,
        close_reason="moved",
    )
    case.refresh_from_db()
    assert case.status == "closed"
    assert (
        plan_services.make_plan(
            actor=caseworker, case=CaseFactory(organization=org), made_on=DAY, goals=[]
        ).approval
        == ""
    )


def test_the_edit_form_and_the_api_cannot_skip_the_approval(
    as_member, api_as, caseworker, strict_org
):
    case = CaseFactory(organization=strict_org, status="active")
    response = api_as(caseworker).patch(
        f"/api/cases/{case.pk}/", {"status": "closed", "version": case.version}, format="json"
    )
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == "active"


def test_close_and_decide_through_the_api(api_as, caseworker, supervisor, strict_org):
    case = CaseFactory(organization=strict_org, status="active")
    asked = api_as(caseworker).post(
        f"/api/cases/{case.pk}/close/",
        {"version": case.version, "closed_on": "2025-09-30", "close_reason": "moved"},
        format="json",
    )
    assert asked.status_code == 202
    request_id = asked.json()["id"]
    assert (
        api_as(caseworker)
        .post(f"/api/closure-requests/{request_id}/decide/", {"approve": True}, format="json")
        .status_code
        == 403
    )
    done = api_as(supervisor).post(
        f"/api/closure-requests/{request_id}/decide/", {"approve": True}, format="json"
    )
    assert done.json()["status"] == "approved"
    case.refresh_from_db()
    assert case.status == "closed"
