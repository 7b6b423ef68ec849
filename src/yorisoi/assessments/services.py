"""Recording assessments and the urgency judgement; alerting supervisors to urgent cases."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.assessments.choices import RiskItem, Suitability, Urgency
from yorisoi.assessments.models import Assessment, PreInterview, RiskFinding, UrgencyChange
from yorisoi.assessments.wishes import settle_wishes
from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.cases.services import Actor
from yorisoi.core.roles import Action, Role
from yorisoi.core.services import apply_fields, require, require_own, staff_of
from yorisoi.core.site import absolute_url
from yorisoi.organizations.models import Membership

ASSESSMENT_FIELDS = frozenset(
    {
        "assessed_on",
        "body_and_habits",
        "mind_and_feelings",
        "social_environment",
        "family_relations",
        "key_person",
        "strengths_and_interests",
        "person_wishes",
        "person_wishes_status",
        "person_wishes_heard",
        "family_wishes",
        "family_worn_out",
        "family_impatient",
        "family_torn",
        "family_strain",
    }
)


PRE_INTERVIEW_FIELDS = frozenset(
    {
        "held_on",
        "channel",
        "with_person",
        "situation",
        "explained_support",
        "explained_costs",
        "explained_accidents",
        "explained_stopping",
        "explained_privacy",
        "person_knows",
        "meeting_on",
        "meeting_place",
        "meeting_with",
        "agreed",
        "suitability",
        "suitability_note",
    }
)


def current_urgency(case: Case) -> UrgencyChange | None:
    """The latest urgency change of the case (None: never judged)."""
    return UrgencyChange.objects.filter(case=case).order_by("-changed_at", "-pk").first()


def _check_judgement(risks: dict[str, str], urgency: str, reason: str) -> None:
    errors: dict[str, str] = {}
    if risks and urgency == Urgency.NONE:
        errors["urgency"] = _(
            "A risk item is checked. Judge the urgency as urgent or needing attention, "
            "and write why."
        )
    if urgency != Urgency.NONE and not reason.strip():
        errors["urgency_reason"] = _("Write the reason for this urgency.")
    unknown = set(risks) - set(RiskItem.values)
    if unknown:
        errors["risks"] = _("Unknown risk item: %(items)s") % {"items": ", ".join(sorted(unknown))}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_assessment(
    *,
    actor: Actor,
    case: Case,
    risks: dict[str, str] | None = None,
    urgency: str = Urgency.NONE,
    urgency_reason: str = "",
    **fields: Any,
) -> Assessment:
    """A new assessment of the case (earlier ones stay as they were), with its risk screen.

    ``risks`` maps each risk item found to what was seen or heard. When the judged urgency
    differs from the case's current one, the change is recorded with this assessment.
    """
    require(actor, Assessment, Action.ADD)
    require_own(actor, case, fields.get("key_person"))
    risks = {item: (note or "") for item, note in (risks or {}).items()}
    _check_judgement(risks, urgency, urgency_reason)
    assessment = Assessment(
        organization_id=case.organization_id,
        case=case,
        assessed_by=staff_of(actor),
        urgency=urgency,
        urgency_reason=urgency_reason,
    )
    apply_fields(assessment, fields, ASSESSMENT_FIELDS)
    assessment.person_wishes_status = settle_wishes(
        text=assessment.person_wishes,
        status=assessment.person_wishes_status,
        heard=assessment.person_wishes_heard,
        text_field="person_wishes",
        status_field="person_wishes_status",
        heard_field="person_wishes_heard",
    )
    if (
        assessment.key_person is not None
        and assessment.key_person.household_id != case.household_id
    ):
        raise ValidationError({"key_person": _("Choose a member of this case's household.")})
    assessment.full_clean()
    assessment.save()
    RiskFinding.objects.bulk_create(
        [
            RiskFinding(
                organization_id=case.organization_id,
                assessment=assessment,
                item=item,
                note=note[:500],
            )
            for item, note in risks.items()
        ]
    )
    current = current_urgency(case)
    if (current.level if current else Urgency.NONE) != urgency:
        _change(actor, case, urgency, urgency_reason, assessment=assessment)
    return assessment


@transaction.atomic
def change_urgency(*, actor: Actor, case: Case, level: str, reason: str) -> UrgencyChange:
    """Judge the urgency again outside an assessment; lowering or clearing it needs a note."""
    require(actor, UrgencyChange, Action.ADD)
    require_own(actor, case)
    if not reason.strip():
        raise ValidationError({"reason": _("Write why the urgency changes.")})
    current = current_urgency(case)
    if (current.level if current else Urgency.NONE) == level:
        raise ValidationError({"level": _("The urgency is already at this level.")})
    return _change(actor, case, level, reason)


def _change(
    actor: Actor, case: Case, level: str, reason: str, assessment: Assessment | None = None
) -> UrgencyChange:
    today = timezone.localdate()
    due = (
        today + datetime.timedelta(days=case.organization.urgent_meeting_days)
        if level == Urgency.URGENT
        else None
    )
    change = UrgencyChange.objects.create(
        organization_id=case.organization_id,
        case=case,
        level=level,
        reason=reason,
        changed_at=timezone.now(),
        changed_by=staff_of(actor),
        assessment=assessment,
        meeting_due_on=due,
    )
    if level == Urgency.URGENT:
        transaction.on_commit(lambda: alert_supervisors(change))
    return change


def alert_supervisors(change: UrgencyChange) -> int:
    """E-mail the organization's supervisors that a case was judged urgent.

    The mail names only the case number and the date a meeting is due: no personal details
    travel by e-mail; the reason is read in yorisoi.
    """
    supervisors = Membership.objects.filter(
        organization_id=change.organization_id, role=Role.SUPERVISOR, is_active=True
    ).select_related("user")
    recipients = [m.user.email for m in supervisors if m.user.email]
    if not recipients:
        return 0
    case = change.case
    url = absolute_url("cases:case_detail", case.pk)
    body = _(
        "Case %(number)s has been judged urgent. Please hold a case meeting by %(due)s.\n"
        "Open it in yorisoi: %(path)s"
    ) % {"number": case.number, "due": change.meeting_due_on, "path": url}
    return send_mail(
        _("[yorisoi] Urgent case %(number)s") % {"number": case.number},
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def _check_pre_interview(interview: PreInterview, members: list[HouseholdMember]) -> None:
    errors: dict[str, str] = {}
    if interview.held_on and interview.held_on > timezone.localdate():
        errors["held_on"] = _("A pre-interview is recorded once it has been held.")
    if interview.meeting_on and interview.held_on and interview.meeting_on < interview.held_on:
        errors["meeting_on"] = _("The first meeting comes after the pre-interview.")
    if not interview.with_person and not members:
        errors["with_members"] = _("Choose who the pre-interview was with.")
    if any(m.household_id != interview.case.household_id for m in members):
        errors["with_members"] = _("Choose members of this case's household.")
    if interview.suitability == Suitability.REFER and not interview.suitability_note.strip():
        errors["suitability_note"] = _("Write where to refer and why.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_pre_interview(
    *, actor: Actor, case: Case, with_members: Sequence[HouseholdMember] = (), **fields: Any
) -> PreInterview:
    """A pre-interview (事前面接) before the first meeting with the person, with what was
    agreed about that meeting; like an assessment, a later one is a new record."""
    require(actor, PreInterview, Action.ADD)
    members = list(with_members)
    require_own(actor, case, *members)
    interview = PreInterview(
        organization_id=case.organization_id, case=case, held_by=staff_of(actor)
    )
    apply_fields(interview, fields, PRE_INTERVIEW_FIELDS)
    _check_pre_interview(interview, members)
    interview.full_clean()
    interview.save()
    interview.with_members.set(members)
    return interview
