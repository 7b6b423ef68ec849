"""Note search (記録検索): results flat or grouped by case, each downloadable as .xlsx."""

import datetime

from django.urls import reverse

from yorisoi.audit.models import AuditEvent
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts import services
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx

WHEN = datetime.datetime(2025, 5, 1, 5, 0, tzinfo=datetime.UTC)  # 14:00 in Japan


def _note(actor, case, summary, days=0):
    return services.record_contact(
        actor=actor,
        case=case,
        staff=[actor],
        occurred_at=WHEN + datetime.timedelta(days=days),
        channel="phone",
        reached="family",
        outcome="talked",
        summary=summary,
    )


def _cases(org, caseworker):
    first = CaseFactory(organization=org, number="N-1", person__name="=寄添 一")
    second = CaseFactory(organization=org, number="N-2", person__name="寄添 二")
    for day in range(3):
        _note(caseworker, first, f"訪問の相談 {day}", days=day)
    _note(caseworker, second, "訪問を断られた", days=5)
    _note(caseworker, second, "電話のみ", days=6)
    return first, second


def test_flat_results_download_every_matching_record(as_member, caseworker, org):
    _cases(org, caseworker)
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("contacts:search"), q="訪問"))
    assert sheet.values("ケース番号") == ["N-2", "N-1", "N-1", "N-1"]
    assert sheet.values("内容")[0] == "訪問を断られた"
    assert sheet.values("日時")[0] == "令和7年5月6日 14:00"
    first_name = sheet.column("氏名")[-1]
    assert first_name.value == "=寄添 一"
    assert first_name.data_type == "s"


def test_grouped_by_case_counts_each_cases_matches(as_member, caseworker, org):
    first, second = _cases(org, caseworker)
    client = as_member(caseworker)
    page = client.get(reverse("contacts:search"), {"q": "訪問", "group": "case"})
    rows = page.context["object_list"]
    assert [(r.case, r.matches) for r in rows] == [(second, 1), (first, 3)]
    assert f"case={first.pk}" in rows[1].records_url
    sheet = read_xlsx(xlsx(client, reverse("contacts:search"), q="訪問", group="case"))
    assert sheet.values("ケース番号") == ["N-2", "N-1"]
    assert sheet.values("該当する記録") == [1, 3]


def test_a_groups_link_shows_that_cases_records(as_member, caseworker, org):
    first, _second = _cases(org, caseworker)
    page = as_member(caseworker).get(reverse("contacts:search"), {"q": "訪問", "case": first.pk})
    assert {c.case_id for c in page.context["object_list"]} == {first.pk}


def test_the_search_download_names_no_search_words_in_the_log(as_member, caseworker, org):
    _cases(org, caseworker)
    xlsx(as_member(caseworker), reverse("contacts:search"), q="訪問")
    event = AuditEvent.objects.get(action="export")
    assert event.detail["rows"] == 4
    assert event.detail["filters"] == ["q"]
    assert "訪問" not in str(event.detail)


def test_a_clerk_cannot_search_or_download_notes(as_member, clerk, org):
    assert xlsx(as_member(clerk), reverse("contacts:search"), q="訪問").status_code == 403


def test_search_queries_do_not_grow(as_member, caseworker, org, django_assert_max_num_queries):
    _cases(org, caseworker)
    client = as_member(caseworker)

    def more():
        for i in range(10):
            _note(caseworker, CaseFactory(organization=org), f"訪問 {i}")

    assert_queries_do_not_grow(
        client, reverse("contacts:search"), django_assert_max_num_queries, more, q="訪問"
    )
    assert_queries_do_not_grow(
        client,
        reverse("contacts:search"),
        django_assert_max_num_queries,
        more,
        q="訪問",
        group="case",
    )
