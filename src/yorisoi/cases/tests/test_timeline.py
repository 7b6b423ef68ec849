"""The case page's timeline: the newest entries across kinds, in order, page by page."""

import datetime

from yorisoi.cases import selectors
from yorisoi.cases.models import CaseEvent
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.contacts import services


def _at(day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(2025, 5, day, hour, tzinfo=datetime.UTC)


def _case_with_three_kinds(caseworker, supervisor):
    case = CaseFactory(organization=caseworker.organization, primary_staff=caseworker)
    CaseEvent.objects.filter(case=case).delete()  # only what this test writes
    for day in (2, 5, 9):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker, supervisor],
            occurred_at=_at(day),
            channel="home_visit",
            reached="family",
            outcome="met",
            summary=f"訪問 {day}",
        )
    for day in (3, 8):
        CaseEvent.objects.create(
            case=case,
            organization=case.organization,
            kind="note",
            occurred_at=_at(day),
            text=f"メモ {day}",
        )
    for day in (4, 7):  # a consent sits at the start of its day
        ConsentFactory(
            case=case, organization=case.organization, given_on=datetime.date(2025, 5, day)
        )
    return case


def _labels(page):
    return [(entry.kind, entry.at.date().day) for entry in page.timeline]


def test_the_newest_entries_of_every_kind_in_order_with_what_they_show(
    caseworker, supervisor, django_assert_num_queries
):
    case = _case_with_three_kinds(caseworker, supervisor)
    page = selectors.case_page(case, caseworker, positions=(), limit=4)
    assert _labels(page) == [("contact", 9), ("event", 8), ("consent", 7), ("contact", 5)]
    with django_assert_num_queries(0):  # the shown entries came with their staff
        staff = [
            sorted(str(m.user) for m in e.obj.staff.all())
            for e in page.timeline
            if e.kind == "contact"
        ]
    assert staff == [sorted([str(caseworker.user), str(supervisor.user)])] * 2

    older = selectors.case_page(
        case, caseworker, positions=(), limit=4, before=page.timeline[-1].at
    )
    assert _labels(older) == [("consent", 4), ("event", 3), ("contact", 2)]


def test_only_the_kinds_asked_for(caseworker, supervisor):
    case = _case_with_three_kinds(caseworker, supervisor)
    page = selectors.case_page(case, caseworker, positions=(), kinds=["event", "consent"], limit=30)
    assert _labels(page) == [("event", 8), ("consent", 7), ("consent", 4), ("event", 3)]
    assert selectors.case_page(case, caseworker, positions=(), limit=0).timeline == []
