import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.samples import sample_for
from yorisoi.meetings.models import CaseMeeting, MeetingAction


class CaseMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseMeeting

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    held_on = datetime.date(2025, 6, 5)
    matters = "支援方針の検討"


@sample_for(CaseMeeting)
def sample_meeting(organization, marker):
    return CaseMeetingFactory(case__organization=organization, matters=marker)


@sample_for(MeetingAction)
def sample_action(organization, marker):
    meeting = CaseMeetingFactory(case__organization=organization)
    return MeetingAction.objects.create(organization=organization, meeting=meeting, what=marker)
