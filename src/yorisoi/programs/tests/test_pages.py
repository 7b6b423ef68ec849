import datetime

import pytest
from django.utils import timezone

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents.models import ConsentKind
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.core.roles import Role
from yorisoi.programs import services
from yorisoi.programs.models import Attendance, Program, ProgramSession
from yorisoi.programs.tests.factories import ParticipantFactory, ProgramFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def supporter(org, make_member):
    return make_member(org, Role.SUPPORTER, user__username="supporter")


def test_a_clerk_sets_up_a_weekly_ibasho_from_the_pages(clerk, as_member):
    client = as_member(clerk)
    response = client.post(
        "/programs/new/",
        {
            "name": "居場所 ひだまり",
            "kind": "ibasho",
            "format": "in_person",
            "venue": "和室",
            "registration": "walk_in",
            "residents": "anyone",
            "ground_rules": "ここでの話はここだけ",
        },
    )
    program = Program.objects.get(name="居場所 ひだまり")
    assert response.status_code == 302
    response = client.post(
        f"/programs/{program.pk}/schedules/new/",
        {
            "frequency": "weekly",
            "weekday": TODAY.weekday(),
            "starts_at": "13:30",
            "ends_at": "15:30",
            "format": "in_person",
            "first_on": TODAY.isoformat(),
            "through": (TODAY + datetime.timedelta(days=21)).isoformat(),
            "skip_text": "令和99年1月1日",
        },
        follow=True,
    )
    assert "4" in response.content.decode()  # "4 sessions have been made"
    assert program.sessions.count() == 4
    page = client.get(f"/programs/{program.pk}/").content.decode()
    assert "ここでの話はここだけ" in page


def test_the_schedule_form_says_what_is_wrong(clerk, as_member, org):
    program = ProgramFactory(organization=org)
    response = as_member(clerk).post(
        f"/programs/{program.pk}/schedules/new/",
        {
            "frequency": "monthly",
            "weekday": 2,
            "starts_at": "15:00",
            "ends_at": "13:00",
            "format": "in_person",
            "first_on": "あした",
            "skip_text": "2026-13-40",
        },
    )
    assert response.status_code == 200
    assert not program.schedules.exists()


def test_a_month_of_attendance_by_nickname_and_head_count(clerk, as_member, org):
    program = ProgramFactory(organization=org)
    client = as_member(clerk)
    sessions = [
        SessionFactory(program=program, on=TODAY - datetime.timedelta(days=7 * w)) for w in range(4)
    ]
    for session in sessions:
        response = client.post(
            f"/programs/sessions/{session.pk}/attendance/",
            {"newcomers": "そら、うみ", "newcomer_kind": "person", "mode": "in_person"},
        )
        assert response.status_code == 302
        response = client.post(
            f"/programs/sessions/{session.pk}/record/",
            {
                "version": ProgramSession.objects.get(pk=session.pk).version,
                "count_person": 1,
                "count_family": 2,
                "count_other": 0,
                "notes": "雨で少なめ",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Attendance.objects.filter(session__program=program).count() == 8
    assert Attendance.objects.filter(first_visit=True).count() == 2
    page = client.get(f"/programs/sessions/{sessions[0].pk}/").content.decode()
    assert "そら" in page
    assert "うみ" in page
    sheet = client.get(f"/programs/sessions/{sessions[0].pk}/sign-in/").content.decode()
    assert "そら" in sheet
    download = client.get(f"/programs/{program.pk}/sessions/?format=xlsx")
    assert download.status_code == 200


def test_a_stale_head_count_is_refused_not_overwritten(clerk, caseworker, as_member, org):
    session = SessionFactory(program__organization=org, on=TODAY)
    first = as_member(clerk).post(
        f"/programs/sessions/{session.pk}/record/",
        {"version": 1, "count_person": 3, "count_family": 0, "count_other": 0},
    )
    second = as_member(caseworker).post(
        f"/programs/sessions/{session.pk}/record/",
        {"version": 1, "count_person": 5, "count_family": 0, "count_other": 0},
    )
    assert (first.status_code, second.status_code) == (302, 409)
    session.refresh_from_db()
    assert session.count_person == 3


def test_a_caseworker_links_a_consented_person_and_sees_it_on_the_case(
    caseworker, clerk, as_member, org
):
    session = SessionFactory(program__organization=org, program__name="家族会 つばさ", on=TODAY)
    case = CaseFactory(organization=org, primary_staff=caseworker)
    client = as_member(caseworker)
    refused = client.post(
        f"/programs/sessions/{session.pk}/attendance/case/",
        {"case_number": case.number, "mode": "in_person"},
    )
    assert refused.status_code == 400
    assert case.number in refused.content.decode()
    ConsentFactory(case=case, kind=ConsentKind.PROGRAMS, given_on=TODAY)
    response = client.post(
        f"/programs/sessions/{session.pk}/attendance/case/",
        {"case_number": case.number, "mode": "in_person"},
    )
    assert response.status_code == 302
    assert "家族会 つばさ" in client.get(f"/cases/{case.pk}/").content.decode()
    # A clerk keeps the session but is not offered linking, and sees no name.
    page = as_member(clerk).get(f"/programs/sessions/{session.pk}/").content.decode()
    assert case.person.name not in page


def test_a_supporter_sees_only_the_programs_they_help_run(supporter, as_member, org):
    theirs = ProgramFactory(organization=org, name="居場所 ひだまり")
    theirs.team.add(supporter)
    other = ProgramFactory(organization=org, name="家族教室 こもれび")
    session = SessionFactory(program=theirs, on=TODAY)
    services_session = SessionFactory(program=other, on=TODAY, venue="別室")
    nickname = ParticipantFactory(program=theirs, nickname="そら")
    Attendance.objects.create(organization=org, session=session, participant=nickname, on=TODAY)
    case = CaseFactory(organization=org)
    Attendance.objects.create(organization=org, session=session, case=case, on=TODAY)
    client = as_member(supporter)
    listing = client.get("/programs/").content.decode()
    assert "居場所 ひだまり" in listing
    assert "家族教室 こもれび" not in listing
    page = client.get(f"/programs/sessions/{session.pk}/").content.decode()
    assert "そら" in page
    assert case.number not in page
    assert client.get(f"/programs/{other.pk}/").status_code == 404
    assert client.get(f"/programs/sessions/{services_session.pk}/").status_code == 404
    assert (
        client.post(
            f"/programs/sessions/{session.pk}/attendance/",
            {"newcomers": "うみ", "mode": "in_person"},
        ).status_code
        == 403
    )
    assert client.get(f"/cases/{case.pk}/").status_code in {403, 404}


def test_query_counts_stay_put_as_attendance_grows(
    clerk, as_member, org, django_assert_max_num_queries
):
    client = as_member(clerk)
    small = SessionFactory(program__organization=org, on=TODAY)
    services.record_nicknames(actor=clerk, session=small, new=[{"nickname": "そら"}])
    with django_assert_max_num_queries(40) as few:
        client.get(f"/programs/sessions/{small.pk}/")
    big = SessionFactory(program__organization=org, on=TODAY, venue="別室")
    services.record_nicknames(
        actor=clerk, session=big, new=[{"nickname": f"参加者{i}"} for i in range(100)]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(f"/programs/sessions/{big.pk}/")
    assert "参加者99" in response.content.decode()
    with django_assert_max_num_queries(40) as one:
        client.get("/programs/")
    for i in range(15):
        SessionFactory(
            program__organization=org, program__name=f"プログラム{i}", on=TODAY, venue=f"室{i}"
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/programs/")
