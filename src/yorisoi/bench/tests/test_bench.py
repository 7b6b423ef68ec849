"""``yorisoi bench`` at a tiny scale: every page answers, every entry has the SQL floor."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from yorisoi.audit.models import AuditEvent
from yorisoi.bench import data
from yorisoi.bench.management.commands import bench
from yorisoi.cases.models import Case
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import search

REQUIRED = [
    "my_work",
    "due_lists",
    "case_list",
    "case_page",
    "note_search",
    "inquiry_queue",
    "stalled_cases",
    "agency_directory",
    "referral_list",
    "audit_log",
]


def _run(**options):
    out, err = StringIO(), StringIO()
    call_command("bench", stdout=out, stderr=err, **options)
    return json.loads(out.getvalue()), err.getvalue()


@pytest.mark.django_db
def test_bench_measures_every_staff_page_with_all_its_sql():
    # 30 cases: fewer than a list page, so the list's page 2 is not asked for.
    result, table = _run(cases=30, contacts=300, runs=2, warmup=1)

    assert result["cases"] == 30
    assert result["contacts"] == 300
    pages = result["pages"]
    assert len(pages) >= 10
    assert set(REQUIRED) <= set(pages)
    for name in pages:
        entry = result[name]
        assert entry["runs"] == 2, name
        assert entry["queries"] > 0, name
        assert set(entry["server"]) >= {"median_ms", "p95_ms"}, name
        assert set(entry["sql"]) >= {"median_ms", "p95_ms"}, name
        assert set(entry["sql_all"]) == {"median_ms", "p95_ms"}, name
        assert entry["sql_all"]["median_ms"] > 0, name
        assert entry["overhead_ratio_all_median"] > 0, name
        assert 0 < entry["slowest_query"]["ms"] <= entry["sql_all"]["p95_ms"] + 0.1, name
        assert entry["slowest_query"]["sql"], name
        assert name in table, name  # one line each in the table on stderr
    assert "sql_all p50" in table

    # Built data is not built twice: without --reuse the command refuses, with it it measures.
    with pytest.raises(CommandError, match="--reuse"):
        _run(cases=30, contacts=300, runs=1, warmup=0)
    again, _table = _run(cases=30, contacts=300, runs=1, warmup=0, reuse=True)
    assert again["build_seconds"] is None
    assert again["cases"] == 30


@pytest.mark.django_db
def test_a_page_that_does_not_answer_200_fails_the_bench(monkeypatch):
    pages = bench.Command._pages

    def with_missing_page(self, org, members):
        return [
            *pages(self, org, members),
            bench.Page("gone", "Gone", "supervisor", [("/cases/999999999/", {})]),
        ]

    monkeypatch.setattr(bench.Command, "_pages", with_missing_page)
    with pytest.raises(CommandError, match=r"gone.*404"):
        _run(cases=10, contacts=50, runs=1, warmup=0)


@pytest.mark.django_db
def test_built_data_is_what_the_app_would_have_written():
    org = data.build(cases=20, contacts=400, log=lambda message: None)
    contacts = ContactRecord.objects.for_organization(org)

    # Every contact has its staff, its creation in the audit log and its searchable text.
    assert contacts.count() == 400
    assert not contacts.filter(staff=None).exists()
    created = AuditEvent.objects.filter(
        organization_id=org.pk, action="create", object_type="contacts.contactrecord"
    )
    assert created.count() == 400
    event = created.order_by("pk").first()
    contact = contacts.get(pk=int(event.object_id))
    assert event.object_label == contact.audit_label()
    assert event.at == contact.created_at
    # Each case's creation is logged under its number, as the app labels it.
    case = Case.objects.for_organization(org).order_by("pk").first()
    assert AuditEvent.objects.filter(
        action="create",
        object_type="cases.case",
        object_id=str(case.pk),
        object_label=case.audit_label(),
    ).exists()

    # The search index answers exactly what a substring test answers.
    word = "訪問"
    with search.search_transaction():
        found = set(search.matching(contacts, word).values_list("pk", flat=True))
    assert found
    assert found == set(contacts.filter(search_text__contains=word).values_list("pk", flat=True))
    # A home visit by one worker says why it was made alone (the app's team rule).
    for visit in contacts.filter(channel__in=["home_visit", "accompany"]).prefetch_related("staff"):
        assert len(visit.staff.all()) == 2 or visit.lone_visit_reason
