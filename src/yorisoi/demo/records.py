"""Demo data for the records of issue 15 §4: pre-interviews before the person is met, emergency
contacts where violence was found, and a run of cancelled meetings. All text is invented."""

import datetime

from django.utils import timezone

from yorisoi.assessments import services as assessment_services
from yorisoi.assessments.choices import VIOLENCE
from yorisoi.assessments.models import RiskFinding
from yorisoi.cases import services as case_services
from yorisoi.cases.models import Case
from yorisoi.contacts import services as contact_services
from yorisoi.contacts.models import ContactRecord
from yorisoi.organizations.models import Membership


def _pre_interviews(center, actor) -> None:
    """Cases begun by the family and not yet in contact with the person: a pre-interview."""
    cases = (
        Case.objects.for_organization(center)
        .filter(person_contact="none", household__isnull=False)
        .exclude(pre_interviews__isnull=False)
        .select_related("household")[:6]
    )
    for case in cases:
        if case.household is None:  # excluded by the filter above
            continue
        key = case.household.members.filter(is_key_person=True).first()
        if key is None:
            continue
        held_on = min(case.opened_on + datetime.timedelta(days=7), timezone.localdate())
        assessment_services.record_pre_interview(
            actor=actor,
            case=case,
            held_on=held_on,
            channel="office",
            with_members=[key],
            situation="日中は自室で過ごす。夜に台所で食事をとる。家族とは必要なことだけ話す。",
            explained_support=True,
            explained_costs=True,
            explained_privacy=True,
            person_knows="family_tells",
            meeting_place="home",
            meeting_with="母と職員2名",
            agreed="最初は顔合わせだけで15分ほど。仕事や学校の話はしない。"
            "本人が会いたくないときは、手紙を置いて帰る。",
            suitability="proceed",
        )


def _emergency_contacts(center, actor) -> None:
    """Where the risk screen found violence, the key person is the household's emergency
    contact (the demo's phone numbers are fictitious)."""
    case_ids = RiskFinding.objects.filter(organization=center, item__in=VIOLENCE).values(
        "assessment__case_id"
    )
    for case in Case.objects.filter(pk__in=case_ids).select_related("household"):
        member = (
            case.household.members.filter(is_key_person=True).first() if case.household else None
        )
        if member is None or member.is_emergency_contact:
            continue
        case_services.change_household_member(
            actor=actor,
            member=member,
            expected_version=member.version,
            is_emergency_contact=True,
            phone=member.phone or "090-0000-0000",
        )


def _cancellations(center, actor) -> None:
    """One open case where the meetings at the office were called off three times in a row."""
    active = Case.objects.for_organization(center).filter(status="active").order_by("number")
    if ContactRecord.objects.filter(case__in=active, outcome="cancelled").exists():
        return
    case = active.first()
    if case is None:
        return
    now = timezone.now()
    latest = ContactRecord.objects.filter(case=case).order_by("-occurred_at").first()
    start = latest.occurred_at if latest else now - datetime.timedelta(days=60)
    gap = (now - start) / 4  # after the last contact, so the three make a run
    for step in (1, 2, 3):
        contact_services.record_contact(
            actor=actor,
            case=case,
            staff=[actor],
            occurred_at=start + gap * step,
            channel="office",
            reached="family",
            outcome="cancelled",
            summary="本人が来所の予定だったが、当日の朝に母から体調が悪いと連絡があり取りやめた。",
            next_action="次の約束は本人の様子を見て母と相談する",
        )


def load(organizations) -> None:
    center = organizations["demo-center"]
    actor = Membership.objects.get(organization=center, user__username="caseworker")
    _pre_interviews(center, actor)
    _emergency_contacts(center, actor)
    _cancellations(center, actor)
