"""Scoped reads of handovers and of the cases a departing worker holds."""

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.models import Case
from yorisoi.core.scoping import TenantQuerySet
from yorisoi.handovers.models import Handover, HandoverQuerySet
from yorisoi.organizations.models import Membership


def open_cases_of(staff: Membership) -> TenantQuerySet[Case]:
    """Open cases whose primary worker is ``staff`` (in that member's organization)."""
    return Case.objects.for_organization(staff.organization_id).filter(
        primary_staff=staff, status__in=OPEN_STATUSES
    )


def to_acknowledge(member: Membership) -> HandoverQuerySet:
    """Handovers addressed to the member that they have not acknowledged yet."""
    return (
        Handover.objects.for_member(member)
        .pending()
        .filter(to_staff=member)
        .select_related("case__person", "from_staff__user")
        .order_by("handed_over_on", "pk")
    )
