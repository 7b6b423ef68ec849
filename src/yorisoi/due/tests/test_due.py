"""Due lists: each rule, in the scope of the member, and the reminder digests."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from yorisoi.assessments import services as assessment_services
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts import services as contact_services
from yorisoi.due.registry import due_for
from yorisoi.meetings import services as meeting_services
from yorisoi.plans import services as plan_services

TODAY = datetime.date(2026, 3, 20)


def kinds(member, today=TODAY):
    return {g.kind.key: [item.case.number for item in g.items] for g in due_for(member, today)}


def _contact(actor, case, days_ago, outcome="met", reached="family"):
    contact_services.record_contact(
        actor=actor,
        case=case,
        staff=[actor],
        channel="letter" if outcome == "left_note" else "phone",
        reached=reached,
        outcome=outcome,
        summary="記録",
        occurred_at=timezone.make_aware(
            datetime.datetime.combine(TODAY - datetime.timedelta(days=days_ago), datetime.time(10))
        ),
    )


def test_silence_counts_only_contact_that_reached_someone(caseworker, org):
    quiet = CaseFactory(
        organization=org,
        number="Q",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2025, 4, 1),
    )
    _contact(caseworker, quiet, 90)
    _contact(caseworker, quiet, 5, outcome="left_note", reached="nobody")  # an unanswered letter
    recent = CaseFactory(
        organization=org,
        number="R",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2025, 4, 1),
    )
    _contact(caseworker, recent, 10)
    assert kinds(caseworker)["silence"] == ["Q"]


def test_scope_own_cases_for_caseworkers_all_for_supervisors(
    caseworker, supervisor, make_member, org
):
    colleague = make_member(org)
    CaseFactory(
        organization=org,
        number="MINE",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2025, 1, 1),
    )
    CaseFactory(
        organization=org,
        number="THEIRS",
        primary_staff=colleague,
        status="active",
        opened_on=datetime.date(2025, 1, 1),
    )
    assert kinds(caseworker)["silence"] == ["MINE"]
    assert sorted(kinds(supervisor)["silence"]) == ["MINE", "THEIRS"]


def test_urgent_without_meeting_plan_reviews_and_actions(caseworker, org):
    case = CaseFactory(
        organization=org, number="U", primary_staff=caseworker, status="active", opened_on=TODAY
    )
    assessment_services.change_urgency(
        actor=caseworker, case=case, level="urgent", reason="希死念慮"
    )
    assert kinds(caseworker, timezone.localdate())["urgent"] == ["U"]
    meeting_services.hold_meeting(
        actor=caseworker,
        case=case,
        held_on=timezone.localdate(),
        matters="検討",
        staff=[caseworker],
        actions=[
            {
                "what": "訪問",
                "owner": caseworker,
                "due_on": timezone.localdate() - datetime.timedelta(days=1),
            }
        ],
    )
    now = kinds(caseworker, timezone.localdate())
    assert "urgent" not in now
    assert now["meeting_action"] == ["U"]
    plan_services.make_plan(
        actor=caseworker,
        case=case,
        made_on=TODAY,
        review_on=timezone.localdate() - datetime.timedelta(days=1),
        goals=[],
    )
    assert kinds(caseworker, timezone.localdate())["plan_review"] == ["U"]


def test_remind_sends_each_worker_a_digest_without_personal_details(caseworker, org):
    caseworker.user.email = "worker@example.jp"
    caseworker.user.save()
    CaseFactory(
        organization=org,
        number="SILENT-1",
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2024, 1, 1),
        person__name="内緒 太郎",
    )
    call_command("remind")
    assert len(mail.outbox) == 1
    assert "SILENT-1" in mail.outbox[0].body
    assert "内緒" not in mail.outbox[0].body


def test_reminder_links_can_be_clicked_from_a_mail_program(caseworker, org, settings):
    settings.SITE_URL = "https://yorisoi.example.lg.jp"
    caseworker.user.email = "worker@example.jp"
    caseworker.user.save()
    case = CaseFactory(
        organization=org,
        primary_staff=caseworker,
        status="active",
        opened_on=datetime.date(2024, 1, 1),
    )
    call_command("remind")
    body = mail.outbox[0].body
    assert f"https://yorisoi.example.lg.jp/cases/{case.pk}/" in body
    assert "https://yorisoi.example.lg.jp/\n" in body or body.rstrip().endswith(
        "https://yorisoi.example.lg.jp/"
    )
    assert " /cases/" not in body  # never a bare path a mail program cannot open


def _silent_cases(org, caseworker, numbers):
    """Cases opened long ago, oldest first, with no contact that reached anyone: all silent."""
    for i, number in enumerate(numbers):
        CaseFactory(
            organization=org,
            number=number,
            primary_staff=caseworker,
            status="active",
            opened_on=datetime.date(2024, 4, 1) + datetime.timedelta(days=i),
        )


def test_the_start_page_shows_the_first_few_the_true_number_and_a_way_to_the_rest(
    as_member, caseworker, org, django_assert_max_num_queries
):
    from django.urls import reverse

    from yorisoi.due.views import PANEL_ITEMS

    _silent_cases(org, caseworker, [f"S{i:02}" for i in range(PANEL_ITEMS + 3)])
    (silence,) = [
        g for g in due_for(caseworker, TODAY, limit=PANEL_ITEMS) if g.kind.key == "silence"
    ]
    assert (len(silence.items), silence.total, silence.more) == (PANEL_ITEMS, PANEL_ITEMS + 3, 3)
    assert [i.case.number for i in silence.items] == [f"S{i:02}" for i in range(PANEL_ITEMS)]
    everything = next(g for g in due_for(caseworker, TODAY) if g.kind.key == "silence")
    assert len(everything.items) == everything.total == PANEL_ITEMS + 3

    client = as_member(caseworker)
    html = client.get("/").content.decode()
    assert f"({PANEL_ITEMS + 3})" in html
    assert "ほか3件" in html
    assert f"{reverse('due:due_list')}?kind=silence" in html
    listed = client.get(reverse("due:due_list"), {"kind": "silence"}).content.decode()
    assert all(f"S{i:02}" in listed for i in range(PANEL_ITEMS + 3))


def test_the_due_page_shows_a_long_kind_in_part_and_the_download_holds_all(
    as_member, caseworker, org, monkeypatch
):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    from yorisoi.due import views

    monkeypatch.setattr(views, "PAGE_ITEMS", 3)
    _silent_cases(org, caseworker, [f"L{i}" for i in range(5)])
    client = as_member(caseworker)
    html = client.get(reverse("due:due_list"), {"kind": "silence"}).content.decode()
    assert "最初の3件を表示しています（全5件）" in html
    assert [f"L{i}" in html for i in range(5)] == [True, True, True, False, False]
    download = client.get(reverse("due:due_list"), {"kind": "silence", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(download.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert all(any(f"L{i}" in value for value in cells) for i in range(5))
