"""Supervisor approval of closures and new plans, where the organization asks for it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yorisoi.cases import closure, services
from yorisoi.cases.models import CaseEvent, ClosureRequest
from yorisoi.core.roles import Role
from yorisoi.core.services import require_own, staff_of


def _supervisor(actor) -> None:
    if getattr(actor, "role", None) != Role.SUPERVISOR:
        raise PermissionDenied


@transaction.atomic
def close_or_request(*, actor, case, expected_version, closed_on, close_reason, **details):
    """Close the case, or, where a supervisor approves closures, ask for that approval."""
    if not services.needs_closure_approval(actor, case):
        return closure.close_case(
            actor=actor,
            case=case,
            expected_version=expected_version,
            closed_on=closed_on,
            close_reason=close_reason,
            **details,
        )
    require_own(actor, case)
    if ClosureRequest.objects.filter(case=case, status="pending").exists():
        raise ValidationError(_("Closing this case is already waiting for approval."))
    request = ClosureRequest.objects.create(
        organization_id=case.organization_id,
        case=case,
        requested_by=staff_of(actor),
        closed_on=closed_on,
        close_reason=close_reason,
        details={k: v for k, v in details.items() if v not in (None, "")},
    )
    services.record_case_event(
        actor=actor,
        case=case,
        kind=CaseEvent.Kind.APPROVAL,
        text=_("Closing was asked for; waiting for a supervisor's approval."),
    )
    return request


@transaction.atomic
def decide_closure(
    *, actor, request: ClosureRequest, approve: bool, comment: str = ""
) -> ClosureRequest:
    """A supervisor approves (the case closes) or returns the request with a comment."""
    _supervisor(actor)
    require_own(actor, request)
    request = ClosureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != "pending":
        raise ValidationError(_("This request has already been decided."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Write why it is returned.")})
    case = request.case
    if approve:
        closure.close_case(
            actor=actor,
            case=case,
            expected_version=case.version,
            closed_on=request.closed_on,
            close_reason=request.close_reason,
            **request.details,
        )
    request.status = "approved" if approve else "returned"
    request.decided_by = actor
    request.comment = comment
    request.save()
    text = (
        _("Closing approved.")
        if approve
        else _("Closing returned: %(comment)s") % {"comment": comment}
    )
    services.record_case_event(actor=actor, case=case, kind=CaseEvent.Kind.APPROVAL, text=text)
    return request


@transaction.atomic
def decide_plan(*, actor, plan, approve: bool, comment: str = ""):
    """A supervisor approves a new plan version or returns it with a comment."""
    _supervisor(actor)
    require_own(actor, plan)
    if plan.approval != "pending":
        raise ValidationError(_("This plan is not waiting for approval."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Write why it is returned.")})
    plan.approval = "approved" if approve else "returned"
    plan.save()
    text = (
        _("Plan version %(n)s approved.")
        if approve
        else _("Plan version %(n)s returned: %(comment)s")
    ) % {"n": plan.number, "comment": comment}
    services.record_case_event(actor=actor, case=plan.case, kind=CaseEvent.Kind.APPROVAL, text=text)
    return plan


def pending_for(member) -> dict:
    """For a supervisor's start page: what waits for their approval."""
    from yorisoi.plans.models import SupportPlan

    if member.role != Role.SUPERVISOR:
        return {"closures": [], "plans": []}
    return {
        "closures": list(
            ClosureRequest.objects.for_member(member)
            .filter(status="pending")
            .select_related("case__person", "requested_by__user")[:20]
        ),
        "plans": list(
            SupportPlan.objects.for_member(member)
            .filter(approval="pending")
            .select_related("case__person")[:20]
        ),
    }
