"""Fixtures every app's tests share: two organizations and a member of each role."""

import pytest

from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client, page_client


@pytest.fixture
def org(db):
    from yorisoi.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(slug="home-org", name="ホーム支援センター")


@pytest.fixture
def other_org(db):
    from yorisoi.organizations.tests.factories import OrganizationFactory

    return OrganizationFactory(slug="other-org", name="よその支援団体")


@pytest.fixture
def make_member(db):
    from yorisoi.organizations.tests.factories import MembershipFactory

    def make(organization, role=Role.CASEWORKER, **kwargs):
        return MembershipFactory(organization=organization, role=role, **kwargs)

    return make


@pytest.fixture
def caseworker(org, make_member):
    return make_member(org, Role.CASEWORKER, user__username="caseworker")


@pytest.fixture
def supervisor(org, make_member):
    return make_member(org, Role.SUPERVISOR, user__username="supervisor")


@pytest.fixture
def sysadmin(org, make_member):
    return make_member(org, Role.SYSADMIN, user__username="sysadmin")


@pytest.fixture
def clerk(org, make_member):
    return make_member(org, Role.CLERK, user__username="clerk")


@pytest.fixture
def as_member():
    """``as_member(member)`` → a page client signed in as that member."""
    return page_client


@pytest.fixture
def api_as():
    """``api_as(member)`` → an API client signed in as that member."""
    return api_client
