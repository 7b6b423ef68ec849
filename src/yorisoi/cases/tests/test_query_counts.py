"""The case list and the case page do the same number of queries however much data there is."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.contacts import services


def _fill(case, caseworker, supervisor, n):
    member = HouseholdMemberFactory(household=case.household, organization=case.organization)
    for i in range(n):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker, supervisor],
            with_members=[member],
            occurred_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(days=i),
            channel="home_visit",
            reached="family",
            outcome="met",
            summary=f"訪問 {i}",
        )
        ConsentFactory(case=case, organization=case.organization)


def _count(client, url, django_assert_max_num_queries, limit=40, **params):
    client.get(url, params)  # warm the session and caches
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_case_list_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    for _ in range(3):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    few = _count(client, reverse("cases:case_list"), django_assert_max_num_queries)
    filtered_few = _count(
        client,
        reverse("cases:case_list"),
        django_assert_max_num_queries,
        notes="訪問",
        status="intake",
    )
    for _ in range(40):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    assert _count(client, reverse("cases:case_list"), django_assert_max_num_queries) == few
    assert (
        _count(
            client,
            reverse("cases:case_list"),
            django_assert_max_num_queries,
            notes="訪問",
            status="intake",
        )
        == filtered_few
    )


def test_case_page_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    case = CaseFactory(organization=org)
    _fill(case, caseworker, supervisor, 2)
    url = reverse("cases:case_detail", args=[case.pk])
    few = _count(client, url, django_assert_max_num_queries)
    _fill(case, caseworker, supervisor, 40)
    assert _count(client, url, django_assert_max_num_queries) == few


def test_home_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    case = CaseFactory(organization=org, primary_staff=caseworker)
    _fill(case, caseworker, supervisor, 2)
    few = _count(client, "/", django_assert_max_num_queries)
    for _ in range(15):
        _fill(CaseFactory(organization=org, primary_staff=caseworker), caseworker, supervisor, 2)
    assert _count(client, "/", django_assert_max_num_queries) == few


def test_case_export_queries_do_not_grow(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    from django.urls import reverse

    client = as_member(caseworker)
    for _ in range(3):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    few = _count(client, reverse("cases:case_export"), django_assert_max_num_queries)
    for _ in range(30):
        CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=supervisor)
    assert _count(client, reverse("cases:case_export"), django_assert_max_num_queries) == few
