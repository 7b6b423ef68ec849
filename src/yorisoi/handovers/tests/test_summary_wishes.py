"""The handover summary carries where the person's intentions stand, whether the plan waits for
goals, and the household's emergency contacts (issue 15 §4), to the next worker."""

import datetime

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.handovers.summary import build_summary
from yorisoi.plans import services as plan_services


def test_the_summary_says_how_the_intentions_were_heard_and_who_to_call(org, caseworker):
    case = CaseFactory(organization=org)
    HouseholdMemberFactory(
        household=case.household,
        organization=org,
        name="寄添 和子",
        phone="090-1111-2222",
        is_emergency_contact=True,
    )
    plan_services.make_plan(
        actor=caseworker,
        case=case,
        made_on=datetime.date(2025, 5, 20),
        person_intentions_status="unclear",
        person_intentions_heard="family",
        goals_status="not_yet",
        goals=[],
    )
    summary = build_summary(case)
    plan = summary["plan"]
    assert (plan["person_intentions_status"], plan["person_intentions_heard"]) == (
        "まだはっきりしない",
        "家族を通じて",
    )
    assert plan["goals_not_yet"] is True
    assert summary["people"][0]["is_emergency_contact"] is True
