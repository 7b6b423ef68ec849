"""Reading organizations and memberships."""

from yorisoi.organizations.models import Membership


def active_memberships(user):
    """The memberships a user may act through, organization loaded."""
    return (
        Membership.objects.filter(user=user, is_active=True, organization__is_active=True)
        .select_related("organization", "user")
        .order_by("organization__name", "pk")
    )


def resolve_member(user, *, organization_id=None, organization_slug=None) -> Membership | None:
    """The membership to act through: the one asked for if the user has it, else the first."""
    if user is None or not user.is_authenticated:
        return None
    memberships = active_memberships(user)
    if organization_slug:
        return memberships.filter(organization__slug=organization_slug).first()
    if organization_id:
        chosen = memberships.filter(organization_id=organization_id).first()
        if chosen is not None:
            return chosen
    return memberships.first()


def requires_two_factor(user) -> bool:
    """A second factor is required if any organization the user works in requires it."""
    if user.is_superuser:
        return True
    return active_memberships(user).filter(organization__require_two_factor=True).exists()
