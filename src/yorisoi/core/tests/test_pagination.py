"""Search results are counted only up to a limit, and the page says so."""

from django.urls import reverse

from yorisoi.audit.models import AuditEvent
from yorisoi.core.pagination import COUNT_LIMIT, CappedPaginator


def test_count_stops_at_the_limit(db):
    AuditEvent.objects.bulk_create([AuditEvent(action="view") for _ in range(COUNT_LIMIT + 5)])
    paginator = CappedPaginator(AuditEvent.objects.order_by("pk"), 30)
    assert paginator.count == COUNT_LIMIT + 1
    assert paginator.capped
    assert len(paginator.page(2).object_list) == 30
    small = CappedPaginator(AuditEvent.objects.order_by("pk")[:10], 30)
    assert (small.count, small.capped) == (10, False)


def test_search_page_tells_when_there_are_very_many(as_member, caseworker, org, monkeypatch):
    import yorisoi.core.pagination as pagination
    from yorisoi.cases.tests.factories import CaseFactory
    from yorisoi.contacts import services

    monkeypatch.setattr(pagination, "COUNT_LIMIT", 2)
    case = CaseFactory(organization=org)
    for i in range(4):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker],
            occurred_at="2025-06-01T10:00:00+09:00",
            channel="phone",
            reached="family",
            outcome="met",
            summary=f"母と電話 {i}",
        )
    html = as_member(caseworker).get(reverse("contacts:search"), {"q": "母"}).content.decode()
    assert "1,000件以上見つかりました" in html
