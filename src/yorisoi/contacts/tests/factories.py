import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts.choices import Channel, Outcome, Reached
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.testing.samples import sample_for


class ContactRecordFactory(factory.django.DjangoModelFactory):
    """A phone call with the mother. Note: tests that search must index via the service."""

    class Meta:
        model = ContactRecord

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    occurred_at = factory.LazyFunction(
        lambda: datetime.datetime(2025, 5, 1, 14, 0, tzinfo=datetime.UTC)
    )
    channel = Channel.PHONE
    reached = Reached.FAMILY
    outcome = Outcome.MET
    summary = "母と電話で近況を話した"


@sample_for(ContactRecord)
def sample_contact(organization, marker):
    return ContactRecordFactory(case__organization=organization, summary=marker)
