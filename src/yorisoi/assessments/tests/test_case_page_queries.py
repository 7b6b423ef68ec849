"""The records of issue 15 §4 keep the case page's queries bounded: the visit-safety notice
and the run of cancellations query once each, pre-interviews come in the page's one query."""

import datetime

from django.urls import reverse

from yorisoi.assessments import services
from yorisoi.assessments.tests.factories import PreInterviewFactory
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts.tests.factories import ContactRecordFactory

START = datetime.datetime(2025, 5, 1, 10, 0, tzinfo=datetime.UTC)


def _fill(case, actor, n):
    for i in range(n):
        services.record_assessment(
            actor=actor,
            case=case,
            assessed_on=datetime.date(2025, 5, 1) + datetime.timedelta(days=i),
            risks={"violence_by_person": f"暴力 {i}", "violence_to_person": ""},
            urgency="attention",
            urgency_reason="暴力",
        )
        PreInterviewFactory(case=case, organization=case.organization)
        ContactRecordFactory(
            case=case,
            organization=case.organization,
            occurred_at=START + datetime.timedelta(days=i),
            outcome="cancelled",
            reached="nobody",
        )


def _queries(client, url, django_assert_max_num_queries):
    client.get(url)
    with django_assert_max_num_queries(15) as captured:
        page = client.get(url)
    assert page.status_code == 200
    return len(captured.captured_queries), page.content.decode()


def test_case_page_queries_do_not_grow_with_notices_runs_or_pre_interviews(
    as_member, caseworker, org, django_assert_max_num_queries
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    client = as_member(caseworker)
    url = reverse("cases:case_detail", args=[case.pk])
    _fill(case, caseworker, 2)
    few, page = _queries(client, url, django_assert_max_num_queries)
    assert "訪問の前に" in page
    assert "timeline__entry--pre_interview" in page
    _fill(case, caseworker, 12)
    many, page = _queries(client, url, django_assert_max_num_queries)
    assert many == few
    assert "面談の約束が14回続けてキャンセルになっています" in page
