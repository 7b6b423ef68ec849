"""API filters: an unknown query parameter is refused, never silently ignored.

``/api/household-members/?household=31`` once answered with every household member of the
organization, because no such filter existed; a client took the whole list for the
household's. Routes come from the URL resolver, so a new endpoint is covered too.
"""

import pytest

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.contacts.tests.factories import ContactRecordFactory
from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client
from yorisoi.core.tests.test_list_audit import API_LISTS
from yorisoi.core.tests.test_routes import fill


@pytest.mark.django_db
@pytest.mark.parametrize(("pattern", "entry"), API_LISTS, ids=[p for p, _e in API_LISTS])
def test_an_unknown_query_parameter_is_refused(pattern, entry, org, make_member):
    path = fill(pattern, "1")
    for role in (Role.SUPERVISOR, Role.SYSADMIN, Role.CASEWORKER, Role.CLERK):
        client = api_client(make_member(org, role))
        if client.get(path).status_code == 200:
            break
    else:
        pytest.fail(f"no role may list {path}")
    response = client.get(path, {"nonsense": "1"})
    assert response.status_code == 400, path
    assert "nonsense" in response.json()
    # Pagination and format are understood everywhere.
    assert client.get(path, {"page": "1", "format": "json"}).status_code == 200


def test_a_detail_read_refuses_unknown_parameters_too(api_as, supervisor, org):
    case = CaseFactory(organization=org)
    assert api_as(supervisor).get(f"/api/cases/{case.pk}/").status_code == 200
    assert api_as(supervisor).get(f"/api/cases/{case.pk}/", {"expand": "all"}).status_code == 400


def test_household_members_filter_by_household_and_case(api_as, supervisor, org):
    ours = HouseholdMemberFactory(household__organization=org, name="母")
    HouseholdMemberFactory(household__organization=org, name="よその父")
    case = CaseFactory(organization=org, household=ours.household)
    client = api_as(supervisor)
    by_household = client.get("/api/household-members/", {"household": ours.household_id})
    assert [m["name"] for m in by_household.json()["results"]] == ["母"]
    by_case = client.get("/api/household-members/", {"case": case.pk})
    assert [m["name"] for m in by_case.json()["results"]] == ["母"]


def test_households_and_people_filter_by_case(api_as, supervisor, org):
    case = CaseFactory(organization=org)
    other = CaseFactory(organization=org)
    client = api_as(supervisor)
    people = client.get("/api/people/", {"case": case.pk}).json()["results"]
    assert [p["id"] for p in people] == [case.person_id]
    households = client.get("/api/households/", {"case": other.pk}).json()["results"]
    assert [h["id"] for h in households] == [other.household_id]


def test_contacts_and_cases_filter_by_staff(api_as, supervisor, caseworker, org, make_member):
    colleague = make_member(org, Role.CASEWORKER)
    mine = ContactRecordFactory(case__organization=org, case__primary_staff=caseworker)
    mine.staff.set([caseworker])
    theirs = ContactRecordFactory(case__organization=org, case__primary_staff=colleague)
    theirs.staff.set([colleague])
    client = api_as(supervisor)
    contacts = client.get("/api/contacts/", {"staff": caseworker.pk}).json()["results"]
    assert [c["id"] for c in contacts] == [mine.pk]
    cases = client.get("/api/cases/", {"staff": colleague.pk}).json()["results"]
    assert [c["id"] for c in cases] == [theirs.case_id]


def test_a_filter_naming_another_organizations_record_answers_as_a_missing_one(
    api_as, supervisor, org, other_org
):
    foreign = CaseFactory(organization=other_org)
    client = api_as(supervisor)
    missing = client.get("/api/evaluations/", {"case": 999_999})
    theirs = client.get("/api/evaluations/", {"case": foreign.pk})
    assert theirs.status_code == missing.status_code == 400
    assert theirs.json() == missing.json()


def test_cases_filter_by_person_and_household_beside_the_pages_filters(api_as, supervisor, org):
    case, other = CaseFactory(organization=org), CaseFactory(organization=org)
    client = api_as(supervisor)
    by_person = client.get("/api/cases/", {"person": case.person_id}).json()["results"]
    assert [c["id"] for c in by_person] == [case.pk]
    by_household = client.get("/api/cases/", {"household": other.household_id})
    assert [c["id"] for c in by_household.json()["results"]] == [other.pk]
    # The filter another app adds to the case list (words in contact notes) is known too.
    assert client.get("/api/cases/", {"notes": "電話"}).status_code == 200
