import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.samples import sample_for
from yorisoi.organizations.tests.factories import OrganizationFactory
from yorisoi.supporters.models import (
    CaseSupporter,
    Supporter,
    SupporterActivity,
    TrainingCompletion,
    TrainingCourse,
)


class SupporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supporter

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"支援 太郎{n}")
    pledge_signed_on = datetime.date(2025, 5, 1)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCourse

    organization = factory.SubFactory(OrganizationFactory)
    name = "ひきこもりサポーター養成講座"
    held_from = datetime.date(2025, 6, 1)
    topics = ["understanding", "supporter_role"]


@sample_for(Supporter)
def sample_supporter(organization, marker):
    return SupporterFactory(organization=organization, name=marker)


@sample_for(TrainingCourse)
def sample_course(organization, marker):
    return CourseFactory(organization=organization, name=marker)


@sample_for(TrainingCompletion)
def sample_completion(organization, marker):
    return TrainingCompletion.objects.create(
        organization=organization,
        course=CourseFactory(organization=organization, name=marker),
        supporter=SupporterFactory(organization=organization, name=marker),
        completed_on=datetime.date(2025, 7, 1),
    )


@sample_for(SupporterActivity)
def sample_activity(organization, marker):
    return SupporterActivity.objects.create(
        organization=organization,
        supporter=SupporterFactory(organization=organization, name=marker),
        on=datetime.date(2025, 7, 1),
        hours=2,
        kind="ibasho",
        note=marker[:200],
    )


@sample_for(CaseSupporter)
def sample_case_supporter(organization, marker):
    return CaseSupporter.objects.create(
        organization=organization,
        case=CaseFactory(organization=organization),
        supporter=SupporterFactory(organization=organization, name=marker),
        agreed_on=datetime.date(2025, 7, 1),
        shown_as="ひかる",
        shared=marker,
    )
