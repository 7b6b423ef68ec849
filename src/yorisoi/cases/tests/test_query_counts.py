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


def _fill_every_kind(case, staff, n):
    """Something of every kind the case page shows: each panel and timeline kind has rows."""
    from yorisoi.assessments.tests.factories import AssessmentFactory
    from yorisoi.evaluations.tests.factories import EvaluationFactory
    from yorisoi.handovers.tests.factories import HandoverFactory
    from yorisoi.meetings.tests.factories import CaseMeetingFactory
    from yorisoi.plans.tests.factories import SupportPlanFactory
    from yorisoi.referrals.tests.factories import IncomingFactory, ReferralFactory

    start = case.plans.count()
    for i in range(n):
        AssessmentFactory(case=case, organization=case.organization)
        SupportPlanFactory(case=case, organization=case.organization, number=start + i + 1)
        CaseMeetingFactory(case=case, organization=case.organization)
        ReferralFactory(case=case, organization=case.organization)
        IncomingFactory(case=case, organization=case.organization)
        EvaluationFactory(case=case, organization=case.organization)
        HandoverFactory(case=case, organization=case.organization, to_staff=staff)


def test_case_page_runs_at_most_15_queries_whatever_the_case_holds(
    as_member, caseworker, supervisor, org, django_assert_max_num_queries
):
    """Every panel and timeline kind is fetched in the page's one query (core.bundle)."""
    client = as_member(caseworker)
    case = CaseFactory(organization=org, primary_staff=caseworker)
    _fill(case, caseworker, supervisor, 2)
    _fill_every_kind(case, supervisor, 1)
    url = reverse("cases:case_detail", args=[case.pk])
    few = _count(client, url, django_assert_max_num_queries, limit=15)
    _fill(case, caseworker, supervisor, 40)
    _fill_every_kind(case, supervisor, 5)
    assert _count(client, url, django_assert_max_num_queries, limit=15) == few
    older = _count(
        client, url, django_assert_max_num_queries, limit=15, before="2025-06-01T00:00:00+09:00"
    )
    assert older == few
    face_sheet = reverse("cases:face_sheet", args=[case.pk])
    sheet = _count(client, face_sheet, django_assert_max_num_queries, limit=15)
    _fill_every_kind(case, supervisor, 2)
    assert _count(client, face_sheet, django_assert_max_num_queries, limit=15) == sheet


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
