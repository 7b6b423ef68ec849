"""Meetings called off in a row (issue 15 §4, handbook point 9): counted on the case page, and
listed for supervisors from the number the organization sets."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts.models import CaseContactState
from yorisoi.contacts.tests.factories import ContactRecordFactory
from yorisoi.due.registry import due_for

START = datetime.datetime(2025, 5, 1, 10, 0, tzinfo=datetime.UTC)


def _contact(case, day, **fields):
    return ContactRecordFactory(
        case=case,
        organization=case.organization,
        occurred_at=START + datetime.timedelta(days=day),
        **fields,
    )


def _cancelled(case, day):
    return _contact(case, day, channel="office", reached="nobody", outcome="cancelled")


def test_a_run_counts_cancellations_since_the_person_or_family_was_last_reached(org):
    case = CaseFactory(organization=org)
    _cancelled(case, 0)
    _contact(case, 1, reached="family", outcome="met")  # reached: the earlier one is over
    _cancelled(case, 2)
    _contact(case, 3, channel="letter", reached="nobody", outcome="no_reply")  # neither
    _cancelled(case, 4)
    _cancelled(case, 5)
    run = CaseContactState.objects.get(case=case)
    assert run.cancelled_in_a_row == 3
    assert run.last_cancelled_at == START + datetime.timedelta(days=5)
    _contact(case, 6, reached="person", outcome="talked")
    assert CaseContactState.objects.get(case=case).cancelled_in_a_row == 0


def test_the_case_page_counts_the_run_from_two(as_member, caseworker, org):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    client = as_member(caseworker)
    url = reverse("cases:case_detail", args=[case.pk])
    _cancelled(case, 0)
    assert "続けてキャンセル" not in client.get(url).content.decode()  # once is not a run
    _cancelled(case, 1)
    page = client.get(url).content.decode()
    assert "面談の約束が2回続けてキャンセルになっています" in page
    assert "管理者の対応一覧にも表示されています" not in page  # below the organization's 3


def test_supervisors_see_cases_from_the_organizations_number_caseworkers_do_not(
    as_member, caseworker, supervisor, org
):
    org.cancellation_alert_count = 2
    org.save()
    listed = CaseFactory(organization=org, primary_staff=caseworker, person__name="連続 本人")
    _cancelled(listed, 0)
    _cancelled(listed, 1)
    once = CaseFactory(organization=org, primary_staff=caseworker, person__name="一度 本人")
    _cancelled(once, 0)
    reached = CaseFactory(organization=org, primary_staff=caseworker, person__name="再会 本人")
    _cancelled(reached, 0)
    _cancelled(reached, 1)
    _contact(reached, 2, reached="person_and_family", outcome="met")
    today = datetime.date(2025, 6, 1)
    kinds = {g.kind.key: g.items for g in due_for(supervisor, today)}
    assert [item.case for item in kinds["cancellations"]] == [listed]
    assert "cancellations" not in {g.kind.key for g in due_for(caseworker, today)}
    due_page = as_member(supervisor).get(reverse("due:due_list")).content.decode()
    assert "連続 本人" in due_page
    assert "面談の約束が2回続けてキャンセル" in due_page
    case_page = as_member(caseworker).get(reverse("cases:case_detail", args=[listed.pk]))
    assert "管理者の対応一覧にも表示されています" in case_page.content.decode()


def test_a_closed_case_counts_its_run_but_is_not_said_to_be_listed(
    as_member, caseworker, supervisor, org
):
    case = CaseFactory(organization=org, primary_staff=caseworker, status="closed")
    for day in range(4):
        _cancelled(case, day)
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk]))
    assert "面談の約束が4回続けてキャンセルになっています" in page.content.decode()
    assert "管理者の対応一覧にも表示されています" not in page.content.decode()
    assert "cancellations" not in {
        g.kind.key for g in due_for(supervisor, datetime.date(2025, 6, 1))
    }
