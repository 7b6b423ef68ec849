"""Making plan versions and reviewing them."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from yorisoi.assessments.wishes import settle_wishes
from yorisoi.cases import services as case_services
from yorisoi.cases.choices import ApprovalStatus
from yorisoi.cases.models import Case, CaseEvent
from yorisoi.cases.services import Actor
from yorisoi.core.roles import Action
from yorisoi.core.services import apply_fields, require, require_own, require_supervisor, staff_of
from yorisoi.plans.models import Domain, Goal, GoalsStatus, PlanReview, SupportPlan

PLAN_FIELDS = frozenset(
    {
        "made_on",
        "person_intentions",
        "person_intentions_status",
        "person_intentions_heard",
        "family_intentions",
        "review_on",
        "goals_status",
    }
)
GOAL_FIELDS = (
    "domain",
    "domain_named",
    "horizon",
    "text",
    "steps",
    "proposed_by",
    "person_agreed",
    "persons_own",
)


def latest_plan(case: Case) -> SupportPlan | None:
    return SupportPlan.objects.filter(case=case).prefetch_related("goals").first()


def _check_goal(index: int, goal: dict[str, Any]) -> None:
    if goal.get("persons_own") and not goal.get("person_agreed"):
        raise ValidationError(
            _("Goal %(n)s: a goal is the person's own only when the person agreed to it.")
            % {"n": index}
        )
    if goal.get("domain") == Domain.OTHER and not goal.get("domain_named"):
        raise ValidationError(
            _("Goal %(n)s: write the domain as the person names it.") % {"n": index}
        )


def _settle_goals(status: str, goals: list[dict[str, Any]]) -> str:
    """Whether the plan sets goals: said explicitly, so a plan without goals is a choice."""
    if not status:  # a client from before the status existed
        return GoalsStatus.SET if goals else ""
    if status == GoalsStatus.NOT_YET and goals:
        raise ValidationError(
            {"goals_status": _("Goals are written, so the plan cannot say there are none yet.")}
        )
    if status == GoalsStatus.SET and not goals:
        raise ValidationError(
            {"goals_status": _("Write at least one goal, or record that there are no goals yet.")}
        )
    return status


@transaction.atomic
def make_plan(
    *,
    actor: Actor,
    case: Case,
    goals: list[dict[str, Any]],
    based_on_review: PlanReview | None = None,
    **fields: Any,
) -> SupportPlan:
    """A new version of the case's plan (earlier versions stay as they were)."""
    require(actor, SupportPlan, Action.ADD)
    require_own(actor, case, based_on_review)
    goals = [g for g in goals if g.get("text")]
    for index, goal in enumerate(goals, start=1):
        _check_goal(index, goal)
    number = (
        SupportPlan.objects.select_for_update().filter(case=case).aggregate(n=Max("number"))["n"]
        or 0
    ) + 1
    plan = SupportPlan(
        organization_id=case.organization_id,
        case=case,
        number=number,
        made_by=staff_of(actor),
        based_on_review=based_on_review,
        approval="pending" if case.organization.approve_plans else "",
    )
    apply_fields(plan, fields, PLAN_FIELDS)
    plan.person_intentions_status = settle_wishes(
        text=plan.person_intentions,
        status=plan.person_intentions_status,
        heard=plan.person_intentions_heard,
        text_field="person_intentions",
        status_field="person_intentions_status",
        heard_field="person_intentions_heard",
    )
    plan.goals_status = _settle_goals(plan.goals_status, goals)
    plan.full_clean()
    plan.save()
    Goal.objects.bulk_create(
        [
            Goal(
                organization_id=case.organization_id,
                plan=plan,
                order=i,
                **{
                    name: goal.get(
                        name, "" if name not in {"person_agreed", "persons_own"} else False
                    )
                    for name in GOAL_FIELDS
                },
            )
            for i, goal in enumerate(goals)
        ]
    )
    return plan


@transaction.atomic
def review_plan(
    *, actor: Actor, plan: SupportPlan, reviewed_on: datetime.date, what_changed: str
) -> PlanReview:
    require(actor, PlanReview, Action.ADD)
    require_own(actor, plan)
    review = PlanReview(
        organization_id=plan.organization_id,
        plan=plan,
        reviewed_on=reviewed_on,
        what_changed=what_changed,
        reviewed_by=staff_of(actor),
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def decide_plan(
    *, actor: Actor, plan: SupportPlan, approve: bool, comment: str = ""
) -> SupportPlan:
    """A supervisor approves a new plan version or returns it with a comment."""
    require_supervisor(actor)
    require_own(actor, plan)
    if plan.approval != ApprovalStatus.PENDING:
        raise ValidationError(_("This plan is not waiting for approval."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Write why it is returned.")})
    plan.approval = ApprovalStatus.APPROVED if approve else ApprovalStatus.RETURNED
    plan.save()
    text = (
        _("Plan version %(n)s approved.")
        if approve
        else _("Plan version %(n)s returned: %(comment)s")
    ) % {"n": plan.number, "comment": comment}
    case_services.record_case_event(
        actor=actor, case=plan.case, kind=CaseEvent.Kind.APPROVAL, text=text
    )
    return plan
