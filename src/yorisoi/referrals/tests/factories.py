import datetime

import factory

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents.models import ConsentGiver, ConsentKind
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.core.testing.samples import sample_for
from yorisoi.referrals.choices import Basis, Channel, SenderConsent
from yorisoi.referrals.models import IncomingReferral, ProvisionRecord, Referral


class SharingConsentFactory(ConsentFactory):
    """A consent to share the person's details with one agency, for referral."""

    kind = ConsentKind.SHARING
    given_by = ConsentGiver.PERSON
    given_on = datetime.date(2025, 4, 10)
    scope = "ハローワークへのつなぎのため、氏名・連絡先と相談の経過を伝えること"
    agency = factory.SubFactory(AgencyFactory, organization=factory.SelfAttribute("..organization"))
    purposes = factory.LazyFunction(lambda: ["referral"])
    items = factory.LazyFunction(lambda: ["identity", "consultation"])


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    agency = factory.SubFactory(AgencyFactory, organization=factory.SelfAttribute("..organization"))
    referred_on = datetime.date(2025, 6, 1)
    reason = "就労相談につなぐ"
    purpose = "referral"
    channel = Channel.PHONE
    basis = Basis.NONE
    follow_up_on = datetime.date(2025, 6, 29)


class IncomingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncomingReferral

    organization = factory.SubFactory("yorisoi.organizations.tests.factories.OrganizationFactory")
    received_on = datetime.date(2025, 5, 1)
    from_name = "架空保健センター"
    what_they_said = "母親から相談があった"
    sender_consent = SenderConsent.NOT_CONFIRMED


@sample_for(Referral)
def sample_referral(organization, marker):
    return ReferralFactory(case__organization=organization, reason=marker)


@sample_for(IncomingReferral)
def sample_incoming(organization, marker):
    return IncomingFactory(organization=organization, what_they_said=marker)


@sample_for(ProvisionRecord)
def sample_provision(organization, marker):
    referral = ReferralFactory(case__organization=organization, items=["identity"])
    return ProvisionRecord.objects.create(
        organization=organization,
        provided_on=referral.referred_on,
        recipient=marker,
        agency=referral.agency,
        case=referral.case,
        person=referral.case.person,
        items=["identity"],
        basis=Basis.CONSENT,
        referral=referral,
    )
