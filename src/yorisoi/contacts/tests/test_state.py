"""Each case's contact state follows its contact records, however they were written, so the
due lists read it instead of every record."""

import datetime

from django.core.management import call_command

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts import services
from yorisoi.contacts.models import CaseContactState
from yorisoi.contacts.tests.factories import ContactRecordFactory
from yorisoi.core.testing.ledgers import write_xlsx

DAY = datetime.datetime(2026, 5, 1, 10, tzinfo=datetime.UTC)


def at(days):
    return DAY + datetime.timedelta(days=days)


def state(case):
    return CaseContactState.objects.get(case=case)


def test_reaching_contacts_and_runs_of_cancellations(caseworker, org):
    case = CaseFactory(organization=org)
    ContactRecordFactory(
        case=case, organization=org, occurred_at=at(0), outcome="met", reached="family"
    )
    for day in (3, 5):
        ContactRecordFactory(
            case=case, organization=org, occurred_at=at(day), outcome="cancelled", reached="nobody"
        )
    assert (state(case).last_reached_at, state(case).cancelled_in_a_row) == (at(0), 2)
    assert state(case).last_cancelled_at == at(5)
    met = services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        occurred_at=at(8),
        channel="phone",
        reached="person",
        outcome="talked",
        summary="本人と電話で話せた",
    )
    assert (state(case).last_reached_at, state(case).cancelled_in_a_row) == (at(8), 0)
    services.edit_contact(
        actor=caseworker,
        contact=met,
        expected_version=met.version,
        staff=[caseworker],
        outcome="cancelled",
        reached="nobody",
    )
    assert (state(case).last_reached_at, state(case).cancelled_in_a_row) == (at(0), 3)


def test_a_case_with_no_contact_has_no_state_until_one_is_recorded(org):
    case = CaseFactory(organization=org)
    assert not CaseContactState.objects.filter(case=case).exists()
    ContactRecordFactory(case=case, organization=org, occurred_at=at(0), outcome="no_response")
    assert (state(case).last_reached_at, state(case).cancelled_in_a_row) == (None, 0)


def test_a_ledger_import_refreshes_the_cases_it_wrote_to(tmp_path, org, caseworker):
    case = CaseFactory(organization=org, number="K-1")
    rows = [
        ["K-1", "2026/5/1 10:00", "電話", "母", "", "母と話した"],
        ["K-1", "2026/5/3 10:00", "来所", "本人", "", "来所予定が中止", "中止"],
    ]
    path = write_xlsx(
        tmp_path / "c.xlsx", ["ケース番号", "日時", "方法", "相手", "担当者", "内容", "結果"], rows
    )
    call_command("import", "contacts", str(path), "--org", org.slug)
    assert state(case).last_reached_at.date() == datetime.date(2026, 5, 1)
    assert state(case).cancelled_in_a_row == 1
