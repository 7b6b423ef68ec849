"""Handing a case over to another primary worker, acknowledging it, and reassigning in bulk."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.cases import services as case_services
from yorisoi.cases.models import Case
from yorisoi.cases.services import Actor
from yorisoi.core.roles import CASE_STAFF, Action, Role
from yorisoi.core.services import CommandActor, require, require_own, staff_of
from yorisoi.handovers.choices import HandoverReason
from yorisoi.handovers.models import Handover
from yorisoi.handovers.selectors import open_cases_of
from yorisoi.handovers.summary import build_summary
from yorisoi.organizations.models import Membership


def _check_new_worker(case: Case, to_staff: Membership) -> None:
    name = str(to_staff.user)
    if to_staff.organization_id != case.organization_id:
        raise ValidationError({"to_staff": _("Choose a staff member of this organization.")})
    if not to_staff.is_active:
        raise ValidationError(
            {"to_staff": _("%(name)s is no longer active in this organization.") % {"name": name}}
        )
    if to_staff.role not in CASE_STAFF:
        raise ValidationError(
            {
                "to_staff": _(
                    "%(name)s does not work on cases: choose a caseworker or a supervisor."
                )
                % {"name": name}
            }
        )
    if to_staff.pk == case.primary_staff_id:
        raise ValidationError(
            {"to_staff": _("%(name)s is already the primary worker of this case.") % {"name": name}}
        )


def _check_details(reason: str, on: datetime.date) -> None:
    if reason not in HandoverReason.values:
        raise ValidationError({"reason": _("Choose why the case is handed over.")})
    if on > timezone.localdate():
        raise ValidationError(
            {"handed_over_on": _("Record a handover on the day it happens, not in advance.")}
        )


@transaction.atomic
def hand_over(
    *,
    actor: Actor,
    case: Case,
    to_staff: Membership,
    reason: str,
    note: str = "",
    on: datetime.date,
) -> Handover:
    """Make ``to_staff`` the case's primary worker and keep the summary handed over.

    The summary is built first, so it shows the case as the previous worker left it. An
    earlier handover still waiting for acknowledgement is replaced by this one.
    """
    require(actor, Handover, Action.ADD)
    require(actor, Case, Action.CHANGE)
    require_own(actor, case)
    _check_details(reason, on)
    # Two handovers of one case at once: the second waits, then sees the first.
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_new_worker(case, to_staff)
    from_staff = case.primary_staff
    summary = build_summary(case)
    changes: dict[str, Membership | None] = {"primary_staff": to_staff}
    if case.secondary_staff_id == to_staff.pk:
        changes["secondary_staff"] = None  # the second worker becomes the primary one
    case_services.change_case(actor=actor, case=case, expected_version=case.version, **changes)
    handover = Handover.objects.create(
        organization_id=case.organization_id,
        case=case,
        from_staff=from_staff,
        to_staff=to_staff,
        reason=reason,
        note=note,
        handed_over_on=on,
        summary=summary,
        made_by=staff_of(actor),
    )
    for earlier in Handover.objects.filter(case=case).pending().exclude(pk=handover.pk):
        earlier.superseded_by = handover
        earlier.save(update_fields=["superseded_by", "updated_at"])
    return handover


@transaction.atomic
def acknowledge(*, actor: Actor, handover: Handover, note: str = "") -> Handover:
    """The new worker confirms they have read the handover; only they can, and only once."""
    require(actor, Handover, Action.CHANGE)
    require_own(actor, handover)
    if isinstance(actor, CommandActor) or actor.pk != handover.to_staff_id:
        raise PermissionDenied(_("Only the new primary worker can acknowledge this handover."))
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if handover.acknowledged_at is not None:
        raise ValidationError(_("This handover has already been acknowledged."))
    if handover.superseded_by_id is not None:
        raise ValidationError(_("A later handover of this case has replaced this one."))
    handover.acknowledged_at = timezone.now()
    handover.acknowledged_by = actor
    handover.acknowledgement_note = note
    handover.save()
    return handover


@transaction.atomic
def bulk_hand_over(
    *,
    actor: Actor,
    from_staff: Membership,
    to_staff: Membership,
    reason: str,
    note: str = "",
    on: datetime.date,
    cases: list[Case] | None = None,
) -> list[Handover]:
    """Hand a departing worker's open cases (all, or those chosen) to one new worker.

    Supervisors only. Each case gets its own handover and summary; if any case cannot be
    handed over, none is.
    """
    require(actor, Handover, Action.ADD)
    if not isinstance(actor, CommandActor) and actor.role != Role.SUPERVISOR:
        raise PermissionDenied(_("Only a supervisor can reassign a worker's cases."))
    if from_staff.organization_id != actor.organization_id:
        raise ValidationError({"from_staff": _("Choose a staff member of this organization.")})
    if from_staff.pk == to_staff.pk:
        raise ValidationError({"to_staff": _("Choose someone other than the departing worker.")})
    _check_details(reason, on)
    open_cases = open_cases_of(from_staff).order_by("opened_on", "pk")
    if cases is not None:
        wanted = {case.pk: case for case in cases}
        chosen = list(open_cases.filter(pk__in=wanted))
        missing = sorted(str(wanted[pk].number) for pk in set(wanted) - {c.pk for c in chosen})
        if missing:
            raise ValidationError(
                {
                    "cases": _(
                        "Only open cases whose primary worker is %(name)s can be reassigned "
                        "here: %(numbers)s"
                    )
                    % {"name": from_staff.user, "numbers": "、".join(missing)}
                }
            )
    else:
        chosen = list(open_cases)
    if not chosen:
        raise ValidationError({"cases": _("There is no open case to reassign.")})
    return [
        hand_over(actor=actor, case=case, to_staff=to_staff, reason=reason, note=note, on=on)
        for case in chosen
    ]
