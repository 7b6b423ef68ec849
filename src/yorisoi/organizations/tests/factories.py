import factory

from yorisoi.accounts.models import User
from yorisoi.core.roles import Role
from yorisoi.core.testing.samples import sample_for
from yorisoi.organizations.choices import OrganizationKind
from yorisoi.organizations.models import Membership, Organization


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"テスト支援センター{n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = OrganizationKind.REGIONAL_CENTER
    prefecture = "04"
    municipality = "テスト市"
    require_two_factor = False


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"職員 {n}")
    full_name_kana = factory.Sequence(lambda n: f"しょくいん {n}")
    password = factory.django.Password("correct horse battery staple")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.CASEWORKER


@sample_for(Membership)
def sample_membership(organization, marker):
    return MembershipFactory(organization=organization, user__full_name=marker)


@sample_for(Organization)
def sample_organization(organization, marker):
    organization.name = f"{organization.name} {marker}"
    organization.save()
    return organization
