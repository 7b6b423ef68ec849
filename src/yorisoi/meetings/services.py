"""Holding case meetings and completing the actions decided."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency
from yorisoi.cases.models import Case
from yorisoi.cases.services import Actor
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.roles import Action
from yorisoi.core.services import apply_fields, require, require_own, staff_of
from yorisoi.core.text import normalize_name
from yorisoi.meetings.models import Attendee, CaseMeeting, MeetingAction
from yorisoi.organizations.models import Membership

MEETING_FIELDS = frozenset(
    {"held_on", "kind", "difficult_case_review", "matters", "support_policy", "policy_note"}
)


@transaction.atomic
def hold_meeting(
    *,
    actor: Actor,
    case: Case,
    staff: Sequence[Membership] = (),
    others: Sequence[dict[str, str]] = (),
    actions: Sequence[dict[str, Any]] = (),
    **fields: Any,
) -> CaseMeeting:
    """Record a meeting: staff attendees, people of other agencies, decisions and actions.

    ``others``: {"name", "agency"}; ``actions``: {"what", "owner" or "owner_name", "due_on"}.
    """
    require(actor, CaseMeeting, Action.ADD)
    require_own(actor, case, *staff, *(a.get("owner") for a in actions))
    meeting = CaseMeeting(
        organization_id=case.organization_id, case=case, recorded_by=staff_of(actor)
    )
    apply_fields(meeting, fields, MEETING_FIELDS)
    meeting.full_clean()
    if meeting.difficult_case_review and len(staff) < 2:
        raise ValidationError(
            {"staff": _("A review of a difficult case is held by two or more staff.")}
        )
    if not staff and not others:
        raise ValidationError({"staff": _("Record who took part.")})
    meeting.save()
    org = case.organization_id
    # A typed agency name links to the directory entry of that name (for the team view).
    directory = (
        Agency.objects.usable_by(org).by_name() if any(o.get("agency") for o in others) else {}
    )
    Attendee.objects.bulk_create(
        [Attendee(organization_id=org, meeting=meeting, staff=member) for member in staff]
        + [
            Attendee(
                organization_id=org,
                meeting=meeting,
                name=o["name"],
                agency=o.get("agency", ""),
                directory_agency=directory.get(normalize_name(o.get("agency", ""))),
            )
            for o in others
            if o.get("name")
        ]
    )
    for action in actions:
        if action.get("what"):
            MeetingAction.objects.create(
                organization_id=org,
                meeting=meeting,
                what=action["what"],
                owner=action.get("owner"),
                owner_name=action.get("owner_name", ""),
                due_on=action.get("due_on"),
            )
    return meeting


@transaction.atomic
def complete_action(
    *, actor: Actor, action: MeetingAction, done_on: datetime.date
) -> MeetingAction:
    require(actor, MeetingAction, Action.CHANGE)
    require_own(actor, action)
    action.done_on = done_on
    save_versioned(action, expected_version=action.version)
    return action
