"""Support plans: versions never overwritten, the person's words apart, own goals agreed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.plans import services
from yorisoi.plans.models import Goal, SupportPlan

DAY = datetime.date(2025, 6, 10)
GOAL = {
    "domain": "daily",
    "horizon": "short",
    "text": "朝10時までに起きる",
    "proposed_by": "person",
}


def test_a_goal_is_the_persons_own_only_with_their_agreement(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError):
        services.make_plan(
            actor=caseworker, case=case, made_on=DAY, goals=[{**GOAL, "persons_own": True}]
        )
    plan = services.make_plan(
        actor=caseworker,
        case=case,
        made_on=DAY,
        goals=[{**GOAL, "persons_own": True, "person_agreed": True}],
    )
    assert plan.goals.get().persons_own
    # The database refuses it too, whatever code path tries.
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.filter(plan=plan).update(person_agreed=False)


def test_new_versions_never_overwrite_and_start_from_the_last(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    first = services.make_plan(
        actor=caseworker,
        case=case,
        made_on=DAY,
        person_intentions="人と話す練習をしたい",
        family_intentions="働いてほしい",
        goals=[GOAL],
    )
    review = services.review_plan(
        actor=caseworker,
        plan=first,
        reviewed_on=DAY + datetime.timedelta(days=90),
        what_changed="朝起きられる日が増えた",
    )
    page = as_member(caseworker).get(reverse("plans:plan_add", args=[case.pk])).content.decode()
    assert "人と話す練習をしたい" in page
    assert "朝起きられる日が増えた" in page
    response = as_member(caseworker).post(
        reverse("plans:plan_add", args=[case.pk]),
        {
            "made_on": "R7.9.10",
            "person_intentions": "居場所に行ってみたい",
            "person_intentions_status": "heard",
            "person_intentions_heard": "person",
            "goals_status": "set",
            "family_intentions": "見守りたい",
            "goal_0_text": "居場所を見学する",
            "goal_0_domain": "social",
            "goal_0_horizon": "mid",
            "goal_0_proposed_by": "person",
            "goal_0_person_agreed": "on",
            "goal_0_persons_own": "on",
            **{
                f"goal_{i}_{n}": v
                for i in range(1, 6)
                for n, v in [("domain", "daily"), ("horizon", "short"), ("proposed_by", "together")]
            },
        },
    )
    assert response.status_code == 302
    second = SupportPlan.objects.get(case=case, number=2)
    assert (second.person_intentions, second.family_intentions) == (
        "居場所に行ってみたい",
        "見守りたい",
    )
    assert second.based_on_review == review
    first.refresh_from_db()
    assert first.person_intentions == "人と話す練習をしたい"
    printed = (
        as_member(caseworker).get(reverse("plans:plan_print", args=[second.pk])).content.decode()
    )
    assert "居場所を見学する" in printed


def test_the_domain_the_person_names_needs_words(caseworker, org):
    with pytest.raises(ValidationError):
        services.make_plan(
            actor=caseworker,
            case=CaseFactory(organization=org),
            made_on=DAY,
            goals=[{**GOAL, "domain": "other"}],
        )


def test_api_makes_a_plan_version(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    response = api_as(caseworker).post(
        "/api/plans/",
        {
            "case": case.pk,
            "made_on": "2025-06-10",
            "person_intentions": "ゆっくり",
            "goals": [{**GOAL, "persons_own": True, "person_agreed": False}],
        },
        format="json",
    )
    assert response.status_code == 400
    ok = api_as(caseworker).post(
        "/api/plans/", {"case": case.pk, "made_on": "2025-06-10", "goals": [GOAL]}, format="json"
    )
    assert ok.status_code == 201
    assert ok.json()["number"] == 1
