"""A plan says whether it sets goals yet and where the person's intentions stand (issue 15 §4).

Handbook point 17: when the person's needs are not clear, a plan without goals is a choice,
not a form left half filled; the page, the print for the person and the API all say which.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.plans import services
from yorisoi.plans.models import SupportPlan

DAY = datetime.date(2025, 6, 10)
GOAL = {
    "domain": "daily",
    "horizon": "short",
    "text": "朝10時までに起きる",
    "proposed_by": "person",
}


def test_goals_status_must_match_the_goals(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError) as none_yet:
        services.make_plan(
            actor=caseworker, case=case, made_on=DAY, goals=[GOAL], goals_status="not_yet"
        )
    assert set(none_yet.value.message_dict) == {"goals_status"}
    with pytest.raises(ValidationError) as set_but_empty:
        services.make_plan(actor=caseworker, case=case, made_on=DAY, goals=[], goals_status="set")
    assert set(set_but_empty.value.message_dict) == {"goals_status"}
    assert not SupportPlan.objects.exists()
    waiting = services.make_plan(
        actor=caseworker,
        case=case,
        made_on=DAY,
        goals=[],
        goals_status="not_yet",
        person_intentions_status="unclear",
        person_intentions_heard="family",
        family_intentions="本人のペースを見守りたい",
    )
    assert (waiting.goals_status, waiting.person_intentions_status) == ("not_yet", "unclear")


def test_older_clients_without_a_status_get_set_for_goals_and_nothing_without(caseworker, org):
    case = CaseFactory(organization=org)
    with_goals = services.make_plan(actor=caseworker, case=case, made_on=DAY, goals=[GOAL])
    empty = services.make_plan(actor=caseworker, case=case, made_on=DAY, goals=[])
    assert (with_goals.goals_status, empty.goals_status) == ("set", "")


def test_a_plan_waiting_for_goals_says_so_on_its_page_print_and_the_case_page(
    as_member, caseworker, org
):
    case = CaseFactory(organization=org)
    client = as_member(caseworker)
    url = reverse("plans:plan_add", args=[case.pk])
    blank_rows = {
        f"goal_{i}_{n}": v
        for i in range(6)
        for n, v in [("domain", "daily"), ("horizon", "short"), ("proposed_by", "together")]
    }
    base = {"made_on": "R7.6.10", "family_intentions": "焦らず見守りたい", **blank_rows}
    refused = client.post(url, {**base, "person_intentions_status": "not_yet"})
    assert refused.status_code == 200
    assert "この計画で目標を立てるかどうかを選んでください" in refused.content.decode()
    empty_but_set = client.post(
        url, {**base, "person_intentions_status": "not_yet", "goals_status": "set"}
    )
    assert "目標を一つ以上書くか" in empty_but_set.content.decode()
    assert not SupportPlan.objects.exists()
    saved = client.post(
        url,
        {
            **base,
            "person_intentions_status": "unclear",
            "person_intentions_heard": "behaviour",
            "goals_status": "not_yet",
        },
    )
    assert saved.status_code == 302
    plan = SupportPlan.objects.get()
    for page_url in (
        reverse("plans:plan_detail", args=[plan.pk]),
        reverse("plans:plan_print", args=[plan.pk]),
    ):
        page = client.get(page_url).content.decode()
        assert "目標はまだありません" in page
        assert "まだはっきりしない" in page
        assert "本人の様子・行動から推し量って" in page
    case_page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "目標はまだない" in case_page


def test_api_plan_carries_goals_status_and_how_the_intentions_were_heard(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    client = api_as(caseworker)
    created = client.post(
        "/api/plans/",
        {
            "case": case.pk,
            "made_on": "2025-06-10",
            "person_intentions": "家から出ずにできることを探したい",
            "person_intentions_status": "heard",
            "person_intentions_heard": "person",
            "goals_status": "not_yet",
            "goals": [],
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    data = client.get(f"/api/plans/{created.json()['id']}/").json()
    assert (data["goals_status"], data["person_intentions_heard"]) == ("not_yet", "person")
    refused = client.post(
        "/api/plans/",
        {"case": case.pk, "made_on": "2025-06-10", "goals_status": "set", "goals": []},
        format="json",
    )
    assert refused.status_code == 400
    assert "goals_status" in refused.json()
