"""Every role lands on a start page with its own work on it, never an empty one."""

import pytest
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.core.roles import Role


@pytest.fixture
def colleagues(org, make_member):
    make_member(org, Role.SUPERVISOR, user__full_name="監督 由美")
    make_member(org, Role.CASEWORKER, user__full_name="相談 花子")


def test_the_clerk_sees_the_directory_it_keeps_and_whom_to_ask(
    as_member, make_member, org, other_org, colleagues
):
    AgencyFactory(organization=org, name="みなと保健所", phone="03-0000-0000")
    AgencyFactory(organization=other_org, name="よその相談所")
    html = as_member(make_member(org, Role.CLERK)).get(reverse("core:home")).content.decode()
    assert "関係機関" in html or "社会資源" in html
    assert "みなと保健所" in html
    assert "よその相談所" not in html
    assert reverse("agencies:agency_add") in html
    assert "監督 由美" in html


def test_the_supporter_sees_whom_to_ask_and_nothing_of_the_cases(
    as_member, make_member, org, colleagues
):
    html = as_member(make_member(org, Role.SUPPORTER)).get(reverse("core:home")).content.decode()
    assert "監督 由美" in html
    assert "相談 花子" in html
    assert reverse("agencies:agency_list") not in html  # the directory is not theirs


def test_caseworkers_keep_their_own_start_page(as_member, caseworker, org, colleagues):
    AgencyFactory(organization=org, name="みなと保健所")
    html = as_member(caseworker).get(reverse("core:home")).content.decode()
    assert "みなと保健所" not in html
    assert "Who to ask" not in html
