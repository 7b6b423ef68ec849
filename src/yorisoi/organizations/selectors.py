"""Reading organizations and memberships."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db.models import QuerySet

from yorisoi.organizations.models import Membership


def active_memberships(user: AbstractBaseUser) -> QuerySet[Membership]:
    """The memberships a user may act through, organization loaded."""
    # By key: this app sits below accounts, so it knows a user only as an AbstractBaseUser.
    return (
        Membership.objects.filter(user_id=user.pk, is_active=True, organization__is_active=True)
        .select_related("organization", "user")
        .order_by("organization__name", "pk")
    )


def choose_member(
    memberships: list[Membership],
    *,
    organization_id: int | None = None,
    organization_slug: str | None = None,
) -> Membership | None:
    """From a user's active memberships: the one asked for, else (for an id) the first."""
    if organization_slug:
        return next((m for m in memberships if m.organization.slug == organization_slug), None)
    chosen = next((m for m in memberships if m.organization_id == organization_id), None)
    return chosen or (memberships[0] if memberships else None)


def resolve_member(
    user: AbstractBaseUser | AnonymousUser | None,
    *,
    organization_id: int | None = None,
    organization_slug: str | None = None,
) -> Membership | None:
    """The membership to act through: the one asked for if the user has it, else the first."""
    if user is None or not user.is_authenticated:
        return None
    return choose_member(
        list(active_memberships(user)),
        organization_id=organization_id,
        organization_slug=organization_slug,
    )


def requires_two_factor(user: AbstractUser) -> bool:
    """A second factor is required if any organization the user works in requires it."""
    if user.is_superuser:
        return True
    return active_memberships(user).filter(organization__require_two_factor=True).exists()
