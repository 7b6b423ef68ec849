"""Changing organizations and their staff. Every write checks permission and is audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from yorisoi.accounts.models import User
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.roles import Action
from yorisoi.organizations.models import Membership, Organization


def _require(member: Membership, model, action: str) -> None:
    if not model.access_policy.allows(member, action):
        raise PermissionDenied


@transaction.atomic
def change_organization(
    *, actor: Membership, organization: Organization, expected_version: int, **fields
) -> Organization:
    """Change the actor's own organization's settings."""
    _require(actor, Organization, Action.CHANGE)
    if organization.pk != actor.organization_id:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.full_clean()
    save_versioned(organization, expected_version=expected_version)
    return organization


@transaction.atomic
def add_staff(
    *,
    actor: Membership,
    username: str,
    full_name: str,
    full_name_kana: str = "",
    email: str = "",
    role: str,
    title: str = "",
    password: str | None = None,
) -> Membership:
    """Give a person a role in the actor's organization, creating their account if new."""
    _require(actor, Membership, Action.ADD)
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "full_name_kana": full_name_kana, "email": email},
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    membership = Membership(organization=actor.organization, user=user, role=role, title=title)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def change_staff(
    *, actor: Membership, membership: Membership, expected_version: int, **fields
) -> Membership:
    """Change a staff member's role, title or active state in the actor's organization."""
    _require(actor, Membership, Action.CHANGE)
    if membership.organization_id != actor.organization_id:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(membership, name, value)
    membership.full_clean()
    save_versioned(membership, expected_version=expected_version)
    return membership
