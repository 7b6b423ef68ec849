"""Changing organizations and their staff. Every write checks permission and is audited."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yorisoi.core.concurrency import save_versioned
from yorisoi.core.roles import Action
from yorisoi.core.services import require
from yorisoi.organizations.models import Membership, Organization


@transaction.atomic
def change_organization(
    *, actor: Membership, organization: Organization, expected_version: int, **fields
) -> Organization:
    """Change the actor's own organization's settings."""
    require(actor, Organization, Action.CHANGE)
    if organization.pk != actor.organization_id:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.full_clean()
    save_versioned(organization, expected_version=expected_version)
    return organization


@transaction.atomic
def create_organization(
    *,
    slug: str,
    name: str,
    kind: str,
    prefecture: str,
    municipality: str = "",
    require_two_factor: bool | None = None,
) -> Organization:
    """Create a tenant. Installation level: for the admin and the ``createorg`` command."""
    organization = Organization(
        slug=slug, name=name, kind=kind, prefecture=prefecture, municipality=municipality
    )
    if require_two_factor is not None:
        organization.require_two_factor = require_two_factor
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def enroll_staff(
    *,
    organization: Organization,
    username: str,
    full_name: str,
    full_name_kana: str = "",
    email: str = "",
    role: str,
    title: str = "",
    password: str | None = None,
) -> Membership:
    """Give a person a role in an organization, creating their account if new.

    Installation level (commands); pages and the API go through ``add_staff``.
    """
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "full_name_kana": full_name_kana, "email": email},
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    membership = Membership(organization=organization, user=user, role=role, title=title)
    membership.full_clean()
    membership.save()
    return membership


def add_staff(*, actor: Membership, **details) -> Membership:
    """A system administrator adds a new account to their own organization.

    An existing account (perhaps another organization's staff) is linked only by the
    installation's administrator: one organization must not reach another's accounts.
    """
    require(actor, Membership, Action.ADD)
    if get_user_model().objects.filter(username=details["username"]).exists():
        raise ValidationError({"username": _("This username is already in use. Choose another.")})
    return enroll_staff(organization=actor.organization, **details)


def may_reset_two_factor(actor: Membership, membership: Membership) -> bool:
    """Only for someone who works in the actor's organization alone (never a superuser)."""
    user = membership.user
    elsewhere = user.memberships.exclude(organization_id=actor.organization_id).filter(
        is_active=True
    )
    return not user.is_superuser and not elsewhere.exists()


@transaction.atomic
def change_staff(
    *, actor: Membership, membership: Membership, expected_version: int, **fields
) -> Membership:
    """Change a staff member's role, title or active state in the actor's organization."""
    require(actor, Membership, Action.CHANGE)
    if membership.organization_id != actor.organization_id:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(membership, name, value)
    membership.full_clean()
    save_versioned(membership, expected_version=expected_version)
    return membership
