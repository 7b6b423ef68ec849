"""The history page and the case page do the same number of queries however many evaluations."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.evaluations import services
from yorisoi.evaluations.choices import Rater, Timing
from yorisoi.evaluations.tests.factories import shipped_version


def _fill(case, caseworker, n, start=0):
    version = shipped_version()
    items = list(version.items.all())
    for i in range(start, start + n):
        for rater in (Rater.CASEWORKER, Rater.PERSON):
            services.record_evaluation(
                actor=caseworker,
                case=case,
                instrument_version=version,
                timing=Timing.AD_HOC,
                rated_on=datetime.date(2020, 4, 1) + datetime.timedelta(days=30 * i),
                rater=rater,
                scores={item.pk: (None if (i + item.pk) % 4 == 0 else 1) for item in items},
            )


def _count(client, url, django_assert_max_num_queries, limit=45):
    client.get(url)  # warm the session and caches
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_history_queries_do_not_grow(as_member, caseworker, org, django_assert_max_num_queries):
    client = as_member(caseworker)
    case = CaseFactory(organization=org)
    _fill(case, caseworker, 2)
    for name in ("evaluations:case_history", "evaluations:case_print"):
        url = reverse(name, args=[case.pk])
        few = _count(client, url, django_assert_max_num_queries)
        _fill(case, caseworker, 20, start=len(case.evaluations.all()))
        assert _count(client, url, django_assert_max_num_queries) == few


def test_case_page_queries_do_not_grow(as_member, caseworker, org, django_assert_max_num_queries):
    client = as_member(caseworker)
    case = CaseFactory(organization=org)
    _fill(case, caseworker, 2)
    url = reverse("cases:case_detail", args=[case.pk])
    few = _count(client, url, django_assert_max_num_queries)
    _fill(case, caseworker, 25, start=2)
    assert _count(client, url, django_assert_max_num_queries) == few


def test_evaluation_form_queries_do_not_grow(
    as_member, caseworker, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    case = CaseFactory(organization=org)
    _fill(case, caseworker, 1)
    url = reverse("evaluations:evaluation_add", args=[case.pk])
    few = _count(client, url, django_assert_max_num_queries)
    _fill(case, caseworker, 10, start=1)
    assert _count(client, url, django_assert_max_num_queries) == few
