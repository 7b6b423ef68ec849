import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents.models import Consent, ConsentGiver, ConsentKind
from yorisoi.core.testing.samples import sample_for


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    kind = ConsentKind.PERSONAL_INFORMATION
    given_by = ConsentGiver.FAMILY
    given_on = datetime.date(2025, 4, 10)
    scope = "相談の記録と連絡先"


@sample_for(Consent)
def sample_consent(organization, marker):
    return ConsentFactory(case__organization=organization, scope=marker)
