import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.samples import sample_for
from yorisoi.plans.models import PlanReview, SupportPlan


class SupportPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportPlan

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    number = 1
    made_on = datetime.date(2025, 6, 10)


@sample_for(SupportPlan)
def sample_plan(organization, marker):
    return SupportPlanFactory(case__organization=organization, person_intentions=marker)


@sample_for(PlanReview)
def sample_review(organization, marker):
    plan = SupportPlanFactory(case__organization=organization)
    return PlanReview.objects.create(
        organization=organization,
        plan=plan,
        reviewed_on=datetime.date(2025, 9, 1),
        what_changed=marker,
    )
