"""The handover summary: what a new worker needs to know about a case, as it stands today.

``build_summary(case)`` returns plain JSON (strings, ISO dates, lists, dicts) so a handover
can keep it unchanged: later edits to the case do not rewrite what was handed over. Labels are
stored translated, in the language active when the summary is built.

Every section is read with a fixed number of queries (about twenty in all), however long the
case's history; each list of milestones keeps only its most recent ``LIMIT`` rows.
"""

import datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from yorisoi.assessments.choices import Urgency
from yorisoi.assessments.models import Assessment, UrgencyChange
from yorisoi.cases.models import CaseEvent, FollowUp, Intake
from yorisoi.consents.models import Consent
from yorisoi.evaluations.models import Evaluation
from yorisoi.meetings.models import CaseMeeting, MeetingAction
from yorisoi.plans.models import PlanReview, SupportPlan
from yorisoi.referrals.models import IncomingReferral, Referral
from yorisoi.referrals.selectors import agencies_involved

SUMMARY_VERSION = 1
LIMIT = 50  # rows per source of milestones; a long case keeps its latest ones

# Events of the case itself worth a milestone (opening comes from the case; notes are not).
MILESTONE_EVENTS = (
    CaseEvent.Kind.CLOSED,
    CaseEvent.Kind.REOPENED,
    CaseEvent.Kind.STAGE,
    CaseEvent.Kind.PERSON_CONTACT,
    CaseEvent.Kind.STAFF,
    CaseEvent.Kind.IMPORTED,
)

# The sections every summary holds, in the order pages show them.
SECTIONS = (
    "milestones",
    "plan",
    "people",
    "risks",
    "consents",
    "agencies",
    "what_helps",
    "what_to_avoid",
    "open_actions",
)


def _iso(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def _staff_name(membership) -> str:
    return str(membership.user) if membership is not None else ""


def _milestone(on, kind: str, label, text: str = "") -> dict:
    return {"on": _iso(on), "kind": kind, "label": str(label), "text": text}


def milestones(case) -> list[dict]:
    """The story so far, oldest first: one dated line per step of the support."""
    rows = [_milestone(case.opened_on, "opened", _("Case opened"), case.summary[:200])]
    intake = Intake.objects.filter(case=case).only("taken_on", "wishes").first()
    if intake is not None:
        rows.append(_milestone(intake.taken_on, "intake", _("Intake"), intake.wishes[:200]))
    for a in Assessment.objects.filter(case=case).only("assessed_on", "urgency")[:LIMIT]:
        text = _("Urgency: %(level)s") % {"level": a.get_urgency_display()}
        rows.append(_milestone(a.assessed_on, "assessment", _("Assessment"), text))
    meetings = CaseMeeting.objects.filter(case=case).only(
        "held_on", "kind", "support_policy", "policy_note"
    )
    for m in meetings[:LIMIT]:
        policy = m.get_support_policy_display() if m.support_policy else ""
        text = " · ".join(filter(None, [m.get_kind_display(), policy, m.policy_note[:120]]))
        rows.append(_milestone(m.held_on, "meeting", _("Case meeting"), text))
    for p in SupportPlan.objects.filter(case=case).only("number", "made_on")[:LIMIT]:
        text = _("Version %(number)s") % {"number": p.number}
        rows.append(_milestone(p.made_on, "plan", _("Support plan"), text))
    reviews = PlanReview.objects.filter(plan__case=case).only("reviewed_on", "what_changed")
    for review in reviews[:LIMIT]:
        rows.append(
            _milestone(
                review.reviewed_on, "plan_review", _("Plan review"), review.what_changed[:200]
            )
        )
    evaluations = (
        Evaluation.objects.filter(case=case)
        .select_related("instrument_version__instrument")
        .prefetch_related("scores__item")
    )
    for e in evaluations[:LIMIT]:
        lines = ", ".join(f"{line.label} {line.value}" for line in e.summary_lines() if line.rated)
        text = " · ".join(filter(None, [e.get_timing_display(), e.get_rater_display(), lines]))
        rows.append(_milestone(e.rated_on, "evaluation", _("Evaluation"), text))
    for referral in Referral.objects.filter(case=case).select_related("agency")[:LIMIT]:
        text = f"{referral.agency} ({referral.get_status_display()})"
        if referral.support_started:
            text += f" · {referral.get_support_started_display()}"
        rows.append(_milestone(referral.referred_on, "referral", _("Referral"), text))
    incoming = IncomingReferral.objects.filter(case=case).only("received_on", "from_name")
    for received in incoming[:LIMIT]:
        rows.append(
            _milestone(
                received.received_on, "referral_in", _("Referral received"), received.from_name
            )
        )
    events = CaseEvent.objects.filter(case=case, kind__in=MILESTONE_EVENTS).only(
        "kind", "occurred_at", "text"
    )
    for event in events[:LIMIT]:
        rows.append(_milestone(event.occurred_at, event.kind, event.get_kind_display(), event.text))
    rows.sort(key=lambda row: row["on"])  # ISO dates sort as days; ties keep source order
    return rows


def current_plan(case) -> dict | None:
    """The latest plan version: the person's intentions and goals in their own words."""
    plan = SupportPlan.objects.filter(case=case).prefetch_related("goals").first()
    if plan is None:
        return None
    return {
        "number": plan.number,
        "made_on": _iso(plan.made_on),
        "review_on": _iso(plan.review_on),
        "approval": plan.get_approval_display() if plan.approval else "",
        "person_intentions": plan.person_intentions,
        # Where the intentions stand and how they were heard (empty on older plans).
        "person_intentions_status": plan.get_person_intentions_status_display()
        if plan.person_intentions_status
        else "",
        "person_intentions_heard": plan.get_person_intentions_heard_display()
        if plan.person_intentions_heard
        else "",
        "goals_not_yet": plan.goals_status == "not_yet",
        "family_intentions": plan.family_intentions,
        "goals": [
            {
                "text": g.text,
                "domain": g.domain_named or g.get_domain_display(),
                "horizon": g.get_horizon_display(),
                "steps": g.steps,
                "proposed_by": g.get_proposed_by_display(),
                "person_agreed": g.person_agreed,
                "persons_own": g.persons_own,
            }
            for g in plan.goals.all()
        ],
    }


def key_people(case) -> list[dict]:
    """The household, key persons first, with their relation to the person."""
    if not case.household_id:
        return []
    return [
        {
            "relation": m.get_relation_display(),
            "name": m.name,
            "is_key_person": m.is_key_person,
            "lives_with_person": m.lives_with_person,
            "age_band": m.get_age_band_display() if m.age_band else "",
            "health_or_care_needs": m.health_or_care_needs,
            "phone": m.phone,
            "is_emergency_contact": m.is_emergency_contact,
            "note": m.note,
        }
        for m in case.household.members.order_by("-is_key_person", "pk")
    ]


def risks(case) -> dict:
    """The latest assessment's risk findings, the urgency now and how it changed."""
    latest = Assessment.objects.filter(case=case).prefetch_related("risks").first()
    history = list(
        UrgencyChange.objects.filter(case=case)
        .select_related("changed_by__user")
        .order_by("-changed_at", "-pk")[:LIMIT]
    )
    current = history[0] if history else None
    return {
        "assessed_on": _iso(latest.assessed_on) if latest else "",
        "findings": [
            {"item": f.get_item_display(), "note": f.note}
            for f in (latest.risks.all() if latest else [])
        ],
        "urgency": current.get_level_display() if current else "",
        "urgency_level": current.level if current else Urgency.NONE,
        "history": [
            {
                "on": _iso(u.changed_at),
                "level": u.get_level_display(),
                "reason": u.reason,
                "by": _staff_name(u.changed_by),
            }
            for u in history
        ],
    }


def consents_in_force(case) -> list[dict]:
    consents = (
        Consent.objects.filter(case=case)
        .in_force()
        .select_related("given_by_member", "agency")
        .order_by("given_on", "pk")
    )
    return [
        {
            "kind": c.get_kind_display(),
            "given_by": c.giver_label,
            "given_on": _iso(c.given_on),
            "expires_on": _iso(c.expires_on),
            "recipient": str(c.recipient_label),
            "purpose": c.purpose,
            "scope": c.scope,
        }
        for c in consents
    ]


def agencies(case) -> list[dict]:
    return [
        {
            "name": a.name,
            "category": str(a.category),
            "contact_person": a.contact_person,
            "phone": a.phone,
            "how": [str(h) for h in a.how],
        }
        for a in agencies_involved(case)
    ]


def open_actions(case) -> list[dict]:
    """Meeting actions not done, referrals waiting for their follow-up, check-ins agreed."""
    rows = [
        {
            "what": a.what,
            "who": _staff_name(a.owner) or a.owner_name,
            "due_on": _iso(a.due_on),
            "source": str(_("Case meeting %(day)s") % {"day": _iso(a.meeting.held_on)}),
        }
        for a in MeetingAction.objects.filter(meeting__case=case, done_on__isnull=True)
        .select_related("owner__user", "meeting")
        .order_by("due_on", "pk")[:LIMIT]
    ]
    waiting = Referral.objects.filter(
        case=case, support_started="", follow_up_on__isnull=False
    ).select_related("agency")
    rows += [
        {
            "what": _("Ask %(agency)s whether support started") % {"agency": r.agency},
            "who": "",
            "due_on": _iso(r.follow_up_on),
            "source": str(_("Referral %(day)s") % {"day": _iso(r.referred_on)}),
        }
        for r in waiting.order_by("follow_up_on")[:LIMIT]
    ]
    rows += [
        {
            "what": _("Loose follow-up check-in (every %(n)s weeks)") % {"n": f.interval_weeks},
            "who": "",
            "due_on": _iso(f.next_check_on),
            "source": f.note,
        }
        for f in FollowUp.objects.filter(case=case, ended_on__isnull=True)[:LIMIT]
    ]
    rows.sort(key=lambda row: row["due_on"] or "9999")  # undated ones last
    return rows


def build_summary(case) -> dict:
    """Everything a new worker needs about the case, as JSON-safe values."""
    return {
        "version": SUMMARY_VERSION,
        "built_at": timezone.now().isoformat(),
        "language": get_language() or "",
        "case": {
            "number": case.number,
            "person": case.person.display_name,
            "opened_on": _iso(case.opened_on),
            "status": case.get_status_display(),
            "stage": case.get_stage_display(),
            "person_contact": case.get_person_contact_display(),
            "first_consulter": case.get_first_consulter_display(),
            "secondary_staff": _staff_name(case.secondary_staff),
            "summary": case.summary,
        },
        "milestones": milestones(case),
        "plan": current_plan(case),
        "people": key_people(case),
        "risks": risks(case),
        "consents": consents_in_force(case),
        "agencies": agencies(case),
        "what_helps": case.what_helps,
        "what_to_avoid": case.what_to_avoid,
        "open_actions": open_actions(case),
    }


def filled_sections(summary: dict) -> dict[str, bool]:
    """Which sections hold something: the form warns before handing over empty ones."""
    risk = summary.get("risks") or {}
    return {
        name: bool(
            (risk.get("findings") or risk.get("history")) if name == "risks" else summary.get(name)
        )
        for name in SECTIONS
    }
