"""Demo assessments: the handbook cases with risks get a risk screen and an urgency judgement."""

import datetime

from django.utils import timezone

from yorisoi.assessments import services
from yorisoi.assessments.models import Assessment
from yorisoi.cases.models import Case
from yorisoi.demo.profiles import DEMO_PROFILES
from yorisoi.organizations.models import Membership

# Handbook patterns with risks → (risk items with what was heard, urgency, reason). Invented text.
RISKS_BY_PATTERN = {
    "自傷": (
        {"self_harm": "腕に傷があると母から聞いた", "suicidal": "消えたいと話したことがある"},
        "urgent",
        "希死念慮と自傷の訴えがあり、早めの検討が必要",
    ),
    "暴力": (
        {"violence_by_person": "物に当たることが増えたと父から"},
        "attention",
        "家族の安全の確認を続ける",
    ),
    "8050": (
        {"parent_care": "母が要介護となり通院が増えた", "economic": "年金のみの生活"},
        "attention",
        "親の介護と生活費の見通し",
    ),
}


def _pattern_key(profile) -> str | None:
    if "自傷" in profile["pattern"] or "自殺" in profile["pattern"]:
        return "自傷"
    if "暴力" in profile["pattern"]:
        return "暴力"
    if profile["economic_issue"] and profile["age_band"] in {"40s", "50s"}:
        return "8050"
    return None


def load(organizations) -> None:
    center = organizations["demo-center"]
    actor = Membership.objects.get(organization=center, user__username="caseworker")
    for profile in DEMO_PROFILES:
        case = (
            Case.objects.for_organization(center)
            .filter(number=f"DEMO-{profile['case']:03d}")
            .first()
        )
        if case is None or Assessment.objects.filter(case=case).exists():
            continue
        key = _pattern_key(profile)
        risks, urgency, reason = RISKS_BY_PATTERN[key] if key else ({}, "none", "")
        services.record_assessment(
            actor=actor,
            case=case,
            assessed_on=min(case.opened_on + datetime.timedelta(days=21), timezone.localdate()),
            body_and_habits="生活リズムは夜型。食事は家族と別にとることが多い。",
            mind_and_feelings="将来への不安を口にすることがある。",
            social_environment="家族以外との交流はほとんどない。",
            family_relations="母が主に関わっている。父とは会話が少ない。",
            key_person=case.household.members.filter(is_key_person=True).first()
            if case.household is not None
            else None,
            strengths_and_interests="ゲームや音楽に詳しい。動物が好き。",
            person_wishes=""
            if case.person_contact == "none"
            else "今は急がずに、自分のペースで考えたい",
            family_wishes="まずは本人と話ができるようになってほしい",
            person_wishes_status="not_yet" if case.person_contact == "none" else "heard",
            person_wishes_heard={"none": "", "direct": "person"}.get(case.person_contact, "family"),
            family_worn_out=key in {"暴力", "8050"},
            family_impatient=key == "8050",
            family_strain={
                "暴力": "母は物音がするたびに緊張し、夜よく眠れていない。",
                "8050": "母は自分の通院と本人のことで手一杯。早く働いてほしいと焦っている。",
            }.get(key or "", ""),
            risks=risks,
            urgency=urgency,
            urgency_reason=reason,
        )
