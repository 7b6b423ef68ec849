import datetime

import factory

from yorisoi.cases.choices import FirstConsulter, Relation
from yorisoi.cases.models import (
    Case,
    ClosureRequest,
    FollowUp,
    Household,
    HouseholdMember,
    Inquiry,
    Intake,
    Person,
)
from yorisoi.core.testing.samples import sample_for
from yorisoi.organizations.tests.factories import OrganizationFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"本人 {n}")
    name_kana = factory.Sequence(lambda n: f"ほんにん {n}")


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    organization = factory.SubFactory(OrganizationFactory)


class HouseholdMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdMember

    household = factory.SubFactory(HouseholdFactory)
    organization = factory.SelfAttribute("household.organization")
    name = factory.Sequence(lambda n: f"家族 {n}")
    relation = Relation.MOTHER


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: f"C-{n:05d}")
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))
    household = factory.SubFactory(
        HouseholdFactory, organization=factory.SelfAttribute("..organization")
    )
    first_consulter = FirstConsulter.MOTHER
    opened_on = datetime.date(2025, 4, 10)


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    taken_on = datetime.date(2025, 4, 10)


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    organization = factory.SubFactory(OrganizationFactory)
    received_at = factory.LazyFunction(
        lambda: datetime.datetime(2025, 4, 1, 10, 0, tzinfo=datetime.UTC)
    )
    channel = "phone"
    caller_relation = FirstConsulter.MOTHER
    about = "息子が数年、家から出ていない"


@sample_for(Case)
def sample_case(organization, marker):
    return CaseFactory(organization=organization, person__name=marker, summary=marker)


@sample_for(Person)
def sample_person(organization, marker):
    return PersonFactory(organization=organization, name=marker)


@sample_for(Household)
def sample_household(organization, marker):
    return HouseholdFactory(organization=organization, note=marker)


@sample_for(HouseholdMember)
def sample_household_member(organization, marker):
    return HouseholdMemberFactory(household__organization=organization, name=marker)


@sample_for(Inquiry)
def sample_inquiry(organization, marker):
    return InquiryFactory(organization=organization, about=marker, caller_name=marker)


@sample_for(Intake)
def sample_intake(organization, marker):
    return IntakeFactory(case__organization=organization, current_state=marker)


@sample_for(FollowUp)
def sample_follow_up(organization, marker):
    case = CaseFactory(organization=organization, status="closed", summary=marker)
    return FollowUp.objects.create(
        organization=organization,
        case=case,
        agreed_on=datetime.date(2025, 6, 1),
        agreed_by="person",
        interval_weeks=8,
        next_check_on=datetime.date(2025, 8, 1),
        note=marker,
    )


@sample_for(ClosureRequest)
def sample_closure_request(organization, marker):
    case = CaseFactory(organization=organization, summary=marker)
    return ClosureRequest.objects.create(
        organization=organization,
        case=case,
        closed_on=datetime.date(2025, 9, 30),
        close_reason="moved",
        details={"note": marker},
    )
