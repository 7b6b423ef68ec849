"""Assessments and the urgency judgement: never overwritten, risks need a judgement, urgent alerts."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.assessments import services
from yorisoi.assessments.models import Assessment, UrgencyChange
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.core.roles import Role

DAY = datetime.date(2025, 6, 1)


def test_a_checked_risk_needs_a_judgement_and_a_reason(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError) as none:
        services.record_assessment(
            actor=caseworker,
            case=case,
            assessed_on=DAY,
            risks={"parent_care": "母が要介護2"},
            urgency="none",
        )
    assert "urgency" in none.value.message_dict
    with pytest.raises(ValidationError) as no_reason:
        services.record_assessment(
            actor=caseworker,
            case=case,
            assessed_on=DAY,
            risks={"parent_care": ""},
            urgency="attention",
        )
    assert "urgency_reason" in no_reason.value.message_dict
    assert not Assessment.objects.exists()


def test_urgent_judgement_alerts_supervisors_and_sets_a_meeting_date(
    caseworker, supervisor, org, django_capture_on_commit_callbacks
):
    supervisor.user.email = "boss@example.jp"
    supervisor.user.save()
    case = CaseFactory(organization=org, number="C-7")
    with django_capture_on_commit_callbacks(execute=True):
        services.record_assessment(
            actor=caseworker,
            case=case,
            assessed_on=DAY,
            risks={"suicidal": "死にたいと話した"},
            urgency="urgent",
            urgency_reason="希死念慮の訴え",
        )
    change = UrgencyChange.objects.get(case=case)
    assert change.level == "urgent"
    assert change.meeting_due_on == datetime.date.today() + datetime.timedelta(
        days=org.urgent_meeting_days
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["boss@example.jp"]
    assert "C-7" in message.subject
    assert "死にたい" not in message.body  # no personal details by e-mail


def test_assessments_are_never_overwritten_and_urgency_keeps_its_history(caseworker, org):
    case = CaseFactory(organization=org)
    first = services.record_assessment(
        actor=caseworker,
        case=case,
        assessed_on=DAY,
        risks={"economic": "年金のみ"},
        urgency="attention",
        urgency_reason="生活費の不安",
    )
    second = services.record_assessment(
        actor=caseworker,
        case=case,
        assessed_on=DAY + datetime.timedelta(days=30),
        urgency="attention",
        urgency_reason="変化なし",
    )
    assert Assessment.objects.filter(case=case).count() == 2
    first.refresh_from_db()
    assert [r.item for r in first.risks.all()] == ["economic"]
    assert second.risks.count() == 0
    assert UrgencyChange.objects.filter(case=case).count() == 1  # same level: no new change
    with pytest.raises(ValidationError):
        services.change_urgency(actor=caseworker, case=case, level="none", reason=" ")
    services.change_urgency(
        actor=caseworker, case=case, level="none", reason="就労支援につながり生活が安定"
    )
    assert [u.level for u in UrgencyChange.objects.filter(case=case)] == ["none", "attention"]


def test_assessment_page_starts_from_the_last_and_the_case_page_shows_the_banner(
    as_member, caseworker, org
):
    case = CaseFactory(organization=org)
    mother = HouseholdMemberFactory(household=case.household, organization=org, name="寄添 和子")
    client = as_member(caseworker)
    url = reverse("assessments:assessment_add", args=[case.pk])
    response = client.post(
        url,
        {
            "assessed_on": "令和7年6月1日",
            "body_and_habits": "昼夜逆転",
            "key_person": mother.pk,
            "person_wishes": "今は誰とも会いたくない",
            "person_wishes_status": "heard",
            "person_wishes_heard": "family",
            "risk_violence_by_person": "on",
            "risk_violence_by_person_note": "物に当たることがある",
            "urgency": "urgent",
            "urgency_reason": "家庭内での暴力",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "urgency-banner--urgent" in page
    assert "家庭内での暴力" in page
    again = client.get(url).content.decode()
    assert "昼夜逆転" in again  # the new sheet starts from the last one
    assert (
        '<input type="checkbox" name="risk_violence_by_person" id="id_risk_violence_by_person" checked>'
        in again
    )


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPPORTER])
def test_roles_without_case_access_cannot_assess(as_member, make_member, org, role):
    case = CaseFactory(organization=org)
    client = as_member(make_member(org, role))
    assert client.get(reverse("assessments:assessment_add", args=[case.pk])).status_code == 404


def test_supervisors_see_urgent_cases_on_their_start_page(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org, person__name="緊急 本人")
    services.change_urgency(actor=caseworker, case=case, level="urgent", reason="自傷の跡")
    assert "緊急 本人" in as_member(supervisor).get("/").content.decode()


def test_api_records_an_assessment_with_risks(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    response = api_as(caseworker).post(
        "/api/assessments/",
        {
            "case": case.pk,
            "assessed_on": "2025-06-01",
            "urgency": "attention",
            "urgency_reason": "親の介護",
            "risks": [{"item": "parent_care", "note": "父が入院"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["risks"] == [{"item": "parent_care", "note": "父が入院"}]
    refused = api_as(caseworker).post(
        "/api/assessments/",
        {
            "case": case.pk,
            "assessed_on": "2025-06-02",
            "urgency": "none",
            "risks": [{"item": "self_harm", "note": ""}],
        },
        format="json",
    )
    assert refused.status_code == 400
