"""Recording and editing contact records; every edit keeps the earlier version."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.cases.services import Actor
from yorisoi.contacts.choices import TEAM_CHANNELS
from yorisoi.contacts.models import ContactRecord, ContactRecordVersion
from yorisoi.core import recorder, search
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Action, Role
from yorisoi.core.scoping import TenantQuerySet
from yorisoi.core.services import apply_fields, require, require_own, staff_of
from yorisoi.organizations.models import Membership

CONTACT_FIELDS = frozenset(
    {
        "occurred_at",
        "duration_minutes",
        "channel",
        "with_person",
        "with_agencies",
        "lone_visit_reason",
        "visit_known_by",
        "reached",
        "outcome",
        "summary",
        "next_action",
        "next_action_on",
    }
)


def check_team_rule(channel: str, staff: Sequence[Membership], lone_visit_reason: str) -> None:
    """Home visits and accompanied outings go with two or more staff, or say why not."""
    # Distinct people: the same name twice is still one person at the door.
    if (
        channel in TEAM_CHANNELS
        and len({m.pk for m in staff}) < 2
        and not lone_visit_reason.strip()
    ):
        raise ValidationError(
            {
                "lone_visit_reason": _(
                    "Home visits and accompanied outings are made by two or more staff. "
                    "Add a second staff member, or write why one went alone."
                )
            }
        )


def participants(member: Membership) -> TenantQuerySet[Membership]:
    """Who may be named as having taken part in a contact: every active member of the staff
    (supporters and clerks too) but system administrators. Being named shows them nothing:
    what a member may read stays what their role may read."""
    return (
        Membership.objects.for_member(member)
        .filter(is_active=True)
        .exclude(role=Role.SYSADMIN)
        .select_related("user")
    )


def _check(
    contact: ContactRecord,
    staff: Sequence[Membership],
    members: Sequence[HouseholdMember],
    kept: frozenset[int] = frozenset(),
) -> None:
    if not staff:
        raise ValidationError({"staff": _("Choose at least one staff member.")})
    # Staff already on the record may stay after leaving; anyone added must be on the staff now.
    if any(m.pk not in kept and (not m.is_active or m.role == Role.SYSADMIN) for m in staff):
        raise ValidationError({"staff": _("Choose members of the staff who took part.")})
    check_team_rule(contact.channel, staff, contact.lone_visit_reason)
    household_id = contact.case.household_id
    if any(m.household_id != household_id for m in members):
        raise ValidationError({"with_members": _("Choose members of this case's household.")})


def _snapshot(contact: ContactRecord) -> dict[str, Any]:
    data = {name: getattr(contact, name) for name in CONTACT_FIELDS}
    data["occurred_at"] = data["occurred_at"].isoformat() if data["occurred_at"] else None
    data["next_action_on"] = data["next_action_on"].isoformat() if data["next_action_on"] else None
    data["staff"] = sorted(contact.staff.values_list("pk", flat=True))
    data["with_members"] = sorted(contact.with_members.values_list("pk", flat=True))
    return data


def _prepare(
    contact: ContactRecord,
    actor: Actor,
    staff: Sequence[Membership],
    members: Sequence[HouseholdMember],
    kept: frozenset[int] = frozenset(),
) -> None:
    contact.full_clean(exclude=["search_text"])
    _check(contact, staff, members, kept)
    contact.search_text = search.search_text_for(contact.summary, contact.next_action)
    contact.updated_by = staff_of(actor)


@transaction.atomic
def record_contact(
    *,
    actor: Actor,
    case: Case,
    staff: Sequence[Membership],
    with_members: Sequence[HouseholdMember] = (),
    **fields: Any,
) -> ContactRecord:
    """Record a contact with the person, the family or an agency."""
    require(actor, ContactRecord, Action.ADD)
    require_own(actor, case, *staff, *with_members)
    contact = ContactRecord(
        organization_id=case.organization_id, case=case, recorded_by=staff_of(actor)
    )
    apply_fields(contact, fields, CONTACT_FIELDS)
    _prepare(contact, actor, list(staff), list(with_members))
    contact.save()
    contact.staff.set(staff)
    contact.with_members.set(with_members)
    search.index(contact)
    return contact


@transaction.atomic
def edit_contact(
    *,
    actor: Actor,
    contact: ContactRecord,
    expected_version: int,
    staff: Sequence[Membership],
    with_members: Sequence[HouseholdMember] = (),
    **fields: Any,
) -> ContactRecord:
    """Change a contact record, keeping what it said before as a numbered version."""
    require(actor, ContactRecord, Action.CHANGE)
    require_own(actor, contact, *staff, *with_members)
    previous = _snapshot(contact)
    ContactRecordVersion.objects.create(
        organization_id=contact.organization_id,
        contact=contact,
        number=contact.version,
        data=previous,
        saved_by=contact.updated_by,
        saved_at=contact.updated_at,
    )
    apply_fields(contact, fields, CONTACT_FIELDS)
    _prepare(contact, actor, list(staff), list(with_members), frozenset(previous["staff"]))
    save_versioned(contact, expected_version=expected_version)
    contact.staff.set(staff)
    contact.with_members.set(with_members)
    search.index(contact)
    # Many-to-many changes do not pass through save(); log them here.
    relations = [n for n in ("staff", "with_members") if previous[n] != _snapshot(contact)[n]]
    if relations:
        recorder.record(AuditAction.UPDATE, contact, changes=relations)
    return contact
