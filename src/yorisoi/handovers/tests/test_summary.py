"""The handover summary holds every part the issue names, and stays as it was handed over."""

import datetime

from yorisoi.agencies.models import Agency
from yorisoi.assessments import services as assessment_services
from yorisoi.cases import services as case_services
from yorisoi.cases.choices import Relation
from yorisoi.cases.tests.factories import CaseFactory, IntakeFactory
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.evaluations.tests.factories import EvaluationFactory
from yorisoi.handovers import services
from yorisoi.handovers.summary import SECTIONS, build_summary, filled_sections
from yorisoi.meetings import services as meeting_services
from yorisoi.plans import services as plan_services
from yorisoi.referrals import services as referral_services
from yorisoi.referrals.choices import Basis

DAY = datetime.date(2025, 6, 5)


def full_case(org, caseworker, supervisor):
    """A case with something in every section of the summary."""
    case = CaseFactory(
        organization=org,
        primary_staff=caseworker,
        summary="息子が数年、家から出ていない",
        what_helps="手紙は短く、返事を求めない書き方にすると読んでくれる",
        what_to_avoid="就労の話を急に出さない",
    )
    IntakeFactory(
        case=case, organization=org, taken_on=datetime.date(2025, 4, 12), wishes="話を聞いてほしい"
    )
    mother = case_services.add_household_member(
        actor=caseworker,
        household=case.household,
        name="山田 花子",
        relation=Relation.MOTHER,
        is_key_person=True,
        health_or_care_needs="腰痛",
    )
    case_services.add_household_member(
        actor=caseworker, household=case.household, name="山田 一郎", relation=Relation.FATHER
    )
    assessment_services.record_assessment(
        actor=caseworker,
        case=case,
        assessed_on=datetime.date(2025, 5, 1),
        key_person=mother,
        risks={"parent_care": "父が要介護認定の申請中", "economic": "年金のみの収入"},
        urgency="attention",
        urgency_reason="8050の状況",
    )
    meeting_services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=datetime.date(2025, 5, 10),
        matters="支援方針",
        support_policy="both",
        staff=[caseworker, supervisor],
        others=[{"name": "保健師 佐藤", "agency": "保健所"}],
        actions=[
            {
                "what": "家族会の案内を送る",
                "owner": caseworker,
                "due_on": datetime.date(2025, 6, 30),
            },
            {"what": "父の介護保険の確認", "owner_name": "地域包括", "due_on": None},
        ],
    )
    plan_services.make_plan(
        actor=caseworker,
        case=case,
        made_on=datetime.date(2025, 5, 20),
        person_intentions="今は家で静かに過ごしたい。いつか釣りに行きたい",
        family_intentions="少しずつ外に出てほしい",
        goals=[
            {
                "domain": "daily",
                "horizon": "short",
                "text": "朝ごはんを家族と食べる",
                "proposed_by": "person",
                "person_agreed": True,
                "persons_own": True,
            }
        ],
    )
    ConsentFactory(
        case=case, organization=org, scope="相談の記録と連絡先", given_on=datetime.date(2025, 4, 12)
    )
    ConsentFactory(
        case=case,
        organization=org,
        scope="取り下げ済み",
        given_on=datetime.date(2025, 4, 12),
        withdrawn_on=datetime.date(2025, 5, 1),
    )
    agency = Agency.objects.create(
        organization=org,
        name="中央地域包括支援センター",
        category="community_care",
        contact_person="鈴木",
        phone="022-000-0000",
    )
    referral_services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=datetime.date(2025, 5, 25),
        reason="父の介護の相談",
        purpose="referral",
        channel="phone",
        basis=Basis.NONE,
    )
    EvaluationFactory(case=case, organization=org, rated_on=datetime.date(2025, 5, 2))
    return case


def test_the_summary_holds_every_part(org, caseworker, supervisor):
    case = full_case(org, caseworker, supervisor)
    summary = build_summary(case)

    assert all(filled_sections(summary).values()), filled_sections(summary)
    assert set(SECTIONS) <= set(summary)

    kinds = [m["kind"] for m in summary["milestones"]]
    for kind in ("opened", "intake", "assessment", "meeting", "plan", "referral", "evaluation"):
        assert kind in kinds, kind
    days = [m["on"] for m in summary["milestones"]]
    assert days == sorted(days)  # the story runs from the start
    assessment = next(m for m in summary["milestones"] if m["kind"] == "assessment")
    assert assessment["text"]  # the urgency judged
    meeting = next(m for m in summary["milestones"] if m["kind"] == "meeting")
    assert meeting["text"]  # the policy decided

    plan = summary["plan"]
    assert plan["person_intentions"] == "今は家で静かに過ごしたい。いつか釣りに行きたい"
    assert plan["family_intentions"] == "少しずつ外に出てほしい"
    (goal,) = plan["goals"]
    assert goal["text"] == "朝ごはんを家族と食べる"
    assert goal["persons_own"]
    assert goal["person_agreed"]
    assert goal["horizon"]
    assert goal["proposed_by"]

    people = summary["people"]
    assert [p["name"] for p in people] == ["山田 花子", "山田 一郎"]  # key person first
    assert people[0]["is_key_person"]
    assert people[0]["relation"]

    risks = summary["risks"]
    assert {f["note"] for f in risks["findings"]} == {"父が要介護認定の申請中", "年金のみの収入"}
    assert risks["urgency_level"] == "attention"
    assert risks["history"][0]["reason"] == "8050の状況"

    assert [c["scope"] for c in summary["consents"]] == ["相談の記録と連絡先"]  # withdrawn left out

    names = {a["name"]: a for a in summary["agencies"]}
    assert names["中央地域包括支援センター"]["contact_person"] == "鈴木"
    assert names["中央地域包括支援センター"]["phone"] == "022-000-0000"
    assert "保健所" in names  # a meeting attendee's agency

    assert summary["what_helps"].startswith("手紙は短く")
    assert summary["what_to_avoid"] == "就労の話を急に出さない"

    actions = [a["what"] for a in summary["open_actions"]]
    assert "家族会の案内を送る" in actions
    assert "父の介護保険の確認" in actions
    assert any("中央地域包括支援センター" in a for a in actions)  # referral follow-up due


def test_the_summary_is_plain_json_and_kept_as_it_was(org, caseworker, supervisor, make_member):
    import json

    case = full_case(org, caseworker, supervisor)
    new_worker = make_member(org)
    handover = services.hand_over(
        actor=supervisor, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    json.dumps(handover.summary)  # JSON-safe: strings, ISO dates, numbers, booleans
    case.refresh_from_db()
    case_services.change_case(
        actor=new_worker, case=case, expected_version=case.version, what_to_avoid="変更後"
    )
    handover.refresh_from_db()
    assert handover.summary["what_to_avoid"] == "就労の話を急に出さない"


def test_building_the_summary_takes_a_fixed_number_of_queries(org, caseworker, supervisor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = full_case(org, caseworker, supervisor)

    def count():
        with CaptureQueriesContext(connection) as captured:
            build_summary(case)
        return len(captured.captured_queries)

    few = count()
    for i in range(6):
        meeting_services.hold_meeting(
            actor=caseworker,
            case=case,
            held_on=DAY,
            matters=f"検討 {i}",
            staff=[caseworker],
            others=[{"name": f"担当 {i}", "agency": f"機関 {i}"}],
            actions=[{"what": f"行動 {i}", "owner": caseworker}],
        )
        EvaluationFactory(case=case, organization=org)
        ConsentFactory(case=case, organization=org)
    assert count() == few <= 25
