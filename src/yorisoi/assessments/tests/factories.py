import datetime

import factory

from yorisoi.assessments.models import Assessment, PreInterview, UrgencyChange
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.samples import sample_for


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    assessed_on = datetime.date(2025, 5, 1)


class PreInterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PreInterview

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    held_on = datetime.date(2025, 4, 20)
    channel = "office"
    person_knows = "family_tells"
    agreed = "最初は30分、母が同席する"


@sample_for(PreInterview)
def sample_pre_interview(organization, marker):
    return PreInterviewFactory(case__organization=organization, agreed=marker)


@sample_for(Assessment)
def sample_assessment(organization, marker):
    return AssessmentFactory(case__organization=organization, person_wishes=marker)


@sample_for(UrgencyChange)
def sample_urgency(organization, marker):
    case = CaseFactory(organization=organization)
    return UrgencyChange.objects.create(
        organization=organization,
        case=case,
        level="attention",
        reason=marker,
        changed_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    )
