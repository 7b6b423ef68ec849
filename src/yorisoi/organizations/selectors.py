"""Reading organizations and memberships."""

from yorisoi.organizations.models import Membership


def active_memberships(user):
    """The memberships a user may act through, organization loaded."""
    return (
        Membership.objects.filter(user=user, is_active=True, organization__is_active=True)
        .select_related("organization", "user")
        .order_by("organization__name", "pk")
    )


def choose_member(memberships: list[Membership], *, organization_id=None, organization_slug=None):
    """From a user's active memberships: the one asked for, else (for an id) the first."""
    if organization_slug:
        return next((m for m in memberships if m.organization.slug == organization_slug), None)
    chosen = next((m for m in memberships if m.organization_id == organization_id), None)
    return chosen or (memberships[0] if memberships else None)


def resolve_member(user, *, organization_id=None, organization_slug=None) -> Membership | None:
    """The membership to act through: the one asked for if the user has it, else the first."""
    if user is None or not user.is_authenticated:
        return None
    return choose_member(
        list(active_memberships(user)),
        organization_id=organization_id,
        organization_slug=organization_slug,
    )


def requires_two_factor(user) -> bool:
    """A second factor is required if any organization the user works in requires it."""
    if user.is_superuser:
        return True
    return active_memberships(user).filter(organization__require_two_factor=True).exists()
