import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.roles import Role
from yorisoi.core.testing.samples import sample_for
from yorisoi.handovers.choices import HandoverReason
from yorisoi.handovers.models import Handover
from yorisoi.organizations.models import Membership
from yorisoi.organizations.tests.factories import MembershipFactory


class HandoverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handover

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    to_staff = factory.SubFactory(
        MembershipFactory, organization=factory.SelfAttribute("..organization")
    )
    reason = HandoverReason.TRANSFER
    handed_over_on = datetime.date(2025, 7, 1)
    summary = factory.LazyAttribute(lambda h: {"case": {"number": h.case.number}})


@sample_for(Handover)
def sample_handover(organization, marker):
    # Addressed to the organization's first caseworker when there is one, so the route tests
    # find a member who may acknowledge it (only the new worker can).
    to_staff = (
        Membership.objects.filter(organization=organization, role=Role.CASEWORKER, is_active=True)
        .order_by("pk")
        .first()
    ) or MembershipFactory(organization=organization)
    return HandoverFactory(
        case__organization=organization,
        to_staff=to_staff,
        note=marker,
        summary={"case": {"summary": marker}, "what_helps": marker, "milestones": []},
    )
