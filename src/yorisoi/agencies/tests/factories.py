import datetime

import factory

from yorisoi.agencies.choices import AgencyCategory, LegalBasis
from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core.testing.samples import sample_for
from yorisoi.organizations.tests.factories import OrganizationFactory


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"架空ハローワーク{n}")
    category = AgencyCategory.HELLO_WORK
    area = "寄添市"
    contact_person = "就労 担当"
    phone = "000-0000-0000"


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportCouncil

    organization = factory.SubFactory(OrganizationFactory)
    name = "寄添市支援会議"
    legal_basis = LegalBasis.SOCIAL_WELFARE_ACT
    established_on = datetime.date(2024, 4, 1)
    confidentiality = "構成員に守秘義務を説明し、誓約書を受領した。"


@sample_for(Agency)
def sample_agency(organization, marker):
    return AgencyFactory(organization=organization, name=marker)


@sample_for(SupportCouncil)
def sample_council(organization, marker):
    return CouncilFactory(organization=organization, name=marker)
