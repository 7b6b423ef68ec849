import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.consents.models import ConsentKind
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.core.roles import Role
from yorisoi.programs import figures, services
from yorisoi.programs.models import Attendance, ProgramParticipant, ProgramSession
from yorisoi.programs.tests.factories import ProgramFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _weekly(actor, program, **fields):
    return services.add_schedule(
        actor=actor,
        program=program,
        frequency="weekly",
        weekday=TODAY.weekday(),
        starts_at=datetime.time(13, 0),
        ends_at=datetime.time(15, 0),
        first_on=TODAY - datetime.timedelta(days=60),
        **fields,
    )


def test_a_clerk_sets_up_a_weekly_ibasho_and_its_sessions_are_made_ahead(clerk, org):
    program = services.add_program(actor=clerk, name="居場所 ひだまり", kind="ibasho", venue="和室")
    skip = TODAY + datetime.timedelta(days=14)
    schedule = _weekly(
        clerk, program, skip_dates=[skip.isoformat()], through=TODAY + datetime.timedelta(days=28)
    )
    made = list(schedule.sessions.values_list("on", flat=True))
    # Today, +7, +21, +28: the past is not made and the day off is skipped.
    assert made == [TODAY + datetime.timedelta(days=d) for d in (0, 7, 21, 28)]
    again = services.generate_sessions(
        actor=clerk, schedule=schedule, through=TODAY + datetime.timedelta(days=35)
    )
    assert [s.on for s in again] == [TODAY + datetime.timedelta(days=35)]


def test_sessions_are_not_made_into_the_past(clerk, org):
    program = ProgramFactory(organization=org)
    schedule = _weekly(clerk, program, through=TODAY)
    with pytest.raises(ValidationError, match="今日以降"):
        services.generate_sessions(
            actor=clerk, schedule=schedule, through=TODAY - datetime.timedelta(days=1)
        )


def test_a_room_taken_at_the_time_refuses_the_whole_schedule(clerk, org):
    taken = ProgramFactory(organization=org, name="家族会", kind="family_meeting", venue="和室")
    SessionFactory(
        program=taken,
        on=TODAY + datetime.timedelta(days=7),
        starts_at=datetime.time(14, 0),
        ends_at=datetime.time(16, 0),
    )
    program = ProgramFactory(organization=org, venue="和室")
    with pytest.raises(ValidationError, match="家族会"):
        _weekly(clerk, program, through=TODAY + datetime.timedelta(days=14))
    assert not ProgramSession.objects.filter(program=program).exists()  # nothing half-made
    # Online sessions do not take the room.
    online = _weekly(clerk, program, format="online", through=TODAY + datetime.timedelta(days=14))
    assert online.sessions.count() == 3


def test_nicknames_and_newcomers_with_first_visits(clerk, org):
    session = SessionFactory(program__organization=org, on=TODAY)
    added = services.record_nicknames(
        actor=clerk,
        session=session,
        new=[{"nickname": "そら", "mode": "in_person"}, {"nickname": "うみ", "mode": "in_person"}],
    )
    assert [a.first_visit for a in added] == [True, True]
    session.refresh_from_db()
    assert session.status == "held"
    later = SessionFactory(
        program=session.program,
        on=TODAY,
        starts_at=datetime.time(16, 0),
        ends_at=datetime.time(17, 0),
        venue="別室",
    )
    sora = ProgramParticipant.objects.get(program=session.program, nickname="そら")
    # Ticking "そら" and typing "ソラ" again (kana aside) is one visit, not a first one.
    again = services.record_nicknames(
        actor=clerk,
        session=later,
        present=[(sora, "in_person")],
        new=[{"nickname": "ソラ", "mode": "in_person"}],
    )
    assert len(again) == 1
    assert not again[0].first_visit
    assert ProgramParticipant.objects.filter(program=session.program).count() == 2


def test_recording_twice_keeps_one_row(clerk, caseworker, org):
    """Two staff recording the same session: each row once, nobody's rows lost."""
    session = SessionFactory(program__organization=org, on=TODAY)
    services.record_nicknames(actor=clerk, session=session, new=[{"nickname": "そら"}])
    services.record_nicknames(
        actor=caseworker, session=session, new=[{"nickname": "そら"}, {"nickname": "かぜ"}]
    )
    assert sorted(
        Attendance.objects.filter(session=session).values_list("participant__nickname", flat=True)
    ) == ["かぜ", "そら"]


def test_refused_attendance(clerk, org):
    future = SessionFactory(program__organization=org, on=TODAY + datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="まだ開かれていません"):
        services.record_nicknames(actor=clerk, session=future, new=[{"nickname": "そら"}])
    online = SessionFactory(program__organization=org, on=TODAY, format="online", venue="")
    with pytest.raises(ValidationError):
        services.record_nicknames(
            actor=clerk, session=online, new=[{"nickname": "そら", "mode": "in_person"}]
        )
    cancelled = SessionFactory(
        program__organization=org,
        on=TODAY,
        status="cancelled",
        starts_at=datetime.time(9, 0),
        ends_at=datetime.time(10, 0),
    )
    with pytest.raises(ValidationError, match="中止"):
        services.record_nicknames(actor=clerk, session=cancelled, new=[{"nickname": "そら"}])


def test_a_case_is_linked_only_under_a_consent_that_covers_programs(caseworker, clerk, org):
    session = SessionFactory(program__organization=org, on=TODAY)
    case = CaseFactory(organization=org, primary_staff=caseworker)
    ConsentFactory(case=case)  # personal information only
    with pytest.raises(ValidationError, match=case.number):
        services.record_case_attendance(actor=caseworker, session=session, case=case)
    ConsentFactory(case=case, kind=ConsentKind.PROGRAMS, given_on=TODAY)
    attendance = services.record_case_attendance(actor=caseworker, session=session, case=case)
    assert attendance.on == TODAY
    with pytest.raises(PermissionDenied):  # a clerk never links case records
        services.record_case_attendance(actor=clerk, session=session, case=case)


def test_a_program_with_sessions_is_archived_not_deleted(clerk, org):
    empty = ProgramFactory(organization=org)
    assert services.archive_program(actor=clerk, program=empty) is None
    program = ProgramFactory(organization=org, name="農作業体験")
    coming = SessionFactory(program=program, on=TODAY + datetime.timedelta(days=5))
    archived = services.archive_program(actor=clerk, program=program)
    assert archived is not None
    assert archived.archived_on == TODAY
    coming.refresh_from_db()
    assert coming.status == "cancelled"


def test_above_capacity_is_a_warning(clerk, org):
    session = SessionFactory(program__organization=org, program__capacity=2, on=TODAY)
    services.record_nicknames(
        actor=clerk, session=session, new=[{"nickname": n} for n in ("あ", "い", "う")]
    )
    assert "3" in services.capacity_warning(session)


def test_moving_a_session_needs_a_reason_and_keeps_the_day(clerk, org):
    session = SessionFactory(program__organization=org, on=TODAY + datetime.timedelta(days=2))
    with pytest.raises(ValidationError, match="理由"):
        services.change_session(
            actor=clerk,
            session=session,
            expected_version=1,
            on=TODAY + datetime.timedelta(days=3),
        )
    session.refresh_from_db()  # the refused change is not kept
    moved = services.change_session(
        actor=clerk,
        session=session,
        expected_version=1,
        on=TODAY + datetime.timedelta(days=3),
        reason="会場の都合",
    )
    assert moved.moved_from == TODAY + datetime.timedelta(days=2)


def test_supporters_may_not_keep_programs(org, make_member):
    supporter = make_member(org, Role.SUPPORTER)
    with pytest.raises(PermissionDenied):
        services.add_program(actor=supporter, name="x", kind="ibasho")


def test_figures_count_visits_people_and_head_counts_apart(clerk, caseworker, org):
    org.municipality = "仙台市"
    org.save()
    session = SessionFactory(program__organization=org, on=TODAY)
    services.record_nicknames(actor=clerk, session=session, new=[{"nickname": "そら"}])
    ProgramParticipant.objects.filter(nickname="そら").update(municipality="名取市")
    second = SessionFactory(
        program=session.program,
        on=TODAY,
        starts_at=datetime.time(18, 0),
        ends_at=datetime.time(19, 0),
    )
    services.record_nicknames(actor=clerk, session=second, new=[{"nickname": "そら"}])
    services.change_session(
        actor=clerk, session=second, expected_version=second.version, count_person=2, count_family=1
    )
    from yorisoi.core.dates import fiscal_year_of

    (row,) = figures.by_kind(org.pk, fiscal_year_of(TODAY))
    assert (row.sessions_held, row.attendances, row.head_counts) == (2, 2, 3)
    assert row.total == 5  # 延べ
    assert row.distinct_participants == 1  # 実 (head counts apart)
    assert row.from_other_municipalities == 1
