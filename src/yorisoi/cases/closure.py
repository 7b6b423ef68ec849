"""Closing a case (with a supervisor's approval where the organization asks for it), the loose
follow-up the person may agree to, and reopening."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.cases import services
from yorisoi.cases.choices import CaseStatus, CloseReason
from yorisoi.cases.models import Case, CaseEvent, ClosureRequest, FollowUp
from yorisoi.core.roles import Action
from yorisoi.core.services import require, require_own, require_supervisor, staff_of


@transaction.atomic
def close_case(
    *,
    actor,
    case: Case,
    expected_version: int,
    closed_on: datetime.date,
    close_reason: str,
    note: str = "",
    follow_up_weeks: int | None = None,
    follow_up_agreed_by: str = "",
    follow_up_note: str = "",
) -> Case:
    """Close the case; with the person's or family's agreement, schedule gentle check-ins."""
    require(actor, Case, Action.CHANGE)
    require_own(actor, case)
    if close_reason not in CloseReason.values:
        raise ValidationError({"close_reason": _("Choose why the case closes.")})
    if follow_up_weeks and not follow_up_agreed_by:
        raise ValidationError(
            {"follow_up_agreed_by": _("Check-ins need the person's or the family's agreement.")}
        )
    services.change_case(
        actor=actor,
        case=case,
        expected_version=expected_version,
        status=CaseStatus.CLOSED,
        closed_on=closed_on,
        close_reason=close_reason,
    )
    text = _("Case closed: %(reason)s") % {"reason": case.get_close_reason_display()}
    services.record_case_event(
        actor=actor, case=case, kind=CaseEvent.Kind.CLOSED, text=f"{text} {note}".strip()
    )
    if follow_up_weeks:
        FollowUp.objects.create(
            organization_id=case.organization_id,
            case=case,
            agreed_on=closed_on,
            agreed_by=follow_up_agreed_by,
            interval_weeks=follow_up_weeks,
            next_check_on=closed_on + datetime.timedelta(weeks=follow_up_weeks),
            note=follow_up_note,
        )
    return case


@transaction.atomic
def reopen_case(*, actor, case: Case, expected_version: int, reason: str) -> Case:
    """Open a closed case again; its history stays one timeline."""
    require(actor, Case, Action.CHANGE)
    require_own(actor, case)
    if case.status != CaseStatus.CLOSED:
        raise ValidationError(_("Only a closed case can be reopened."))
    if not reason.strip():
        raise ValidationError({"reason": _("Write why the case is opened again.")})
    services.change_case(
        actor=actor, case=case, expected_version=expected_version, status=CaseStatus.ACTIVE
    )
    services.record_case_event(actor=actor, case=case, kind=CaseEvent.Kind.REOPENED, text=reason)
    for follow_up in FollowUp.objects.filter(case=case, ended_on__isnull=True):
        follow_up.ended_on = timezone.localdate()
        follow_up.save()
    return case


@transaction.atomic
def reopen_for_inquiry(*, actor, inquiry, case: Case, reason: str) -> Case:
    """A person whose case was closed consults again: the case opens again (as ``reopen_case``,
    with its reason on the timeline) and the inquiry joins it."""
    reopen_case(actor=actor, case=case, expected_version=case.version, reason=reason)
    return services.add_inquiry_to_case(actor=actor, inquiry=inquiry, case=case)


@transaction.atomic
def check_in(*, actor, follow_up: FollowUp, on: datetime.date, note: str = "") -> FollowUp:
    """A check-in was made (or tried): the next one moves on by the agreed interval."""
    require(actor, FollowUp, Action.CHANGE)
    require_own(actor, follow_up)
    follow_up.next_check_on = on + datetime.timedelta(weeks=follow_up.interval_weeks)
    follow_up.save()
    services.record_case_event(
        actor=actor,
        case=follow_up.case,
        kind=CaseEvent.Kind.CHECK_IN,
        text=note or _("Checked in."),
    )
    return follow_up


@transaction.atomic
def close_or_request(*, actor, case, expected_version, closed_on, close_reason, **details):
    """Close the case, or, where a supervisor approves closures, ask for that approval."""
    if not services.needs_closure_approval(actor, case):
        return close_case(
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
    require_supervisor(actor)
    require_own(actor, request)
    request = ClosureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != "pending":
        raise ValidationError(_("This request has already been decided."))
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Write why it is returned.")})
    case = request.case
    if approve:
        close_case(
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
