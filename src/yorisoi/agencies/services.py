"""Keeping the agency directory and the support councils."""

from collections.abc import Iterable
from typing import Any, TypeAlias

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.roles import Action, Role
from yorisoi.core.services import CommandActor, apply_fields, require, require_own
from yorisoi.organizations.models import Membership

# A staff member, or a command (an import) acting for the organization.
Actor: TypeAlias = Membership | CommandActor

AGENCY_FIELDS = frozenset(
    {
        "name",
        "name_kana",
        "category",
        "area",
        "address",
        "phone",
        "email",
        "website",
        "contact_person",
        "hours",
        "offers",
        "notes",
        "shared",
        "linked_organization",
        "is_active",
    }
)
COUNCIL_FIELDS = frozenset(
    {"name", "legal_basis", "established_on", "ended_on", "confidentiality", "notes"}
)


def _check_link(actor: Actor, agency: Agency, changed: list[str]) -> None:
    """Linking an entry to an organization here routes referrals to it: a supervisor's call."""
    if "linked_organization" not in changed or agency.linked_organization_id is None:
        return
    if agency.linked_organization_id == agency.organization_id:
        raise ValidationError(
            {"linked_organization": _("Link the entry to another organization, not your own.")}
        )
    if isinstance(actor, CommandActor) or actor.role == Role.SUPERVISOR:
        return
    raise ValidationError(
        {"linked_organization": _("Only a supervisor may link an entry to an organization.")}
    )


@transaction.atomic
def add_agency(*, actor: Actor, **fields: Any) -> Agency:
    require(actor, Agency, Action.ADD)
    agency = Agency(organization_id=actor.organization_id)
    _check_link(actor, agency, apply_fields(agency, fields, AGENCY_FIELDS))
    agency.full_clean()
    agency.save()
    return agency


@transaction.atomic
def change_agency(*, actor: Actor, agency: Agency, expected_version: int, **fields: Any) -> Agency:
    require(actor, Agency, Action.CHANGE)
    require_own(actor, agency)
    _check_link(actor, agency, apply_fields(agency, fields, AGENCY_FIELDS))
    agency.full_clean()
    save_versioned(agency, expected_version=expected_version)
    return agency


def _members(actor: Actor, council: SupportCouncil, members: list[Agency] | None) -> None:
    usable = Agency.objects.usable_by(actor.organization_id)
    if members is None:
        return
    if len({m.pk for m in members}) != usable.filter(pk__in=[m.pk for m in members]).count():
        raise ValidationError({"members": _("Choose members from your directory.")})
    council.members.set(members)


def _check_council(council: SupportCouncil) -> None:
    if council.ended_on and council.ended_on < council.established_on:
        raise ValidationError(
            {"ended_on": _("A council cannot be dissolved before it was constituted.")}
        )


@transaction.atomic
def constitute_council(
    *, actor: Actor, members: Iterable[Agency] = (), **fields: Any
) -> SupportCouncil:
    require(actor, SupportCouncil, Action.ADD)
    council = SupportCouncil(organization_id=actor.organization_id)
    apply_fields(council, fields, COUNCIL_FIELDS)
    council.full_clean()
    _check_council(council)
    council.save()
    _members(actor, council, list(members))
    return council


@transaction.atomic
def change_council(
    *,
    actor: Actor,
    council: SupportCouncil,
    expected_version: int,
    members: Iterable[Agency] | None = None,
    **fields: Any,
) -> SupportCouncil:
    require(actor, SupportCouncil, Action.CHANGE)
    require_own(actor, council)
    apply_fields(council, fields, COUNCIL_FIELDS)
    council.full_clean()
    _check_council(council)
    save_versioned(council, expected_version=expected_version)
    _members(actor, council, None if members is None else list(members))
    return council
