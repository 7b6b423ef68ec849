"""What a clerk and a supporter's login get on every page of programs and supporters: the
clerk keeps programs, attendance and the registry but never links cases; the supporter reads
its own programs and page and changes nothing but its own hours."""

import pytest
from django.utils import timezone

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.roles import Role
from yorisoi.programs.tests.factories import ProgramFactory, SessionFactory
from yorisoi.supporters.tests.factories import CourseFactory, SupporterFactory

pytestmark = pytest.mark.django_db
OK, REFUSED = {200, 302}, {403, 404}


@pytest.fixture
def world(org, make_member, clerk):
    supporter = make_member(org, Role.SUPPORTER)
    record = SupporterFactory(organization=org, membership=supporter)
    program = ProgramFactory(organization=org)
    program.team.add(supporter)
    session = SessionFactory(program=program, on=timezone.localdate())
    return {
        "supporter": supporter,
        "record": record,
        "program": program,
        "session": session,
        "case": CaseFactory(organization=org),
        "course": CourseFactory(organization=org),
        "other": SupporterFactory(organization=org),
    }


def _pages(w):
    p, s = w["program"].pk, w["session"].pk
    return {
        # path: (clerk, supporter) for GET
        "/programs/": (OK, OK),
        f"/programs/{p}/": (OK, OK),
        f"/programs/{p}/sessions/": (OK, OK),
        f"/programs/{p}/participants/": (OK, OK),
        f"/programs/{p}/report/": (OK, OK),
        f"/programs/sessions/{s}/": (OK, OK),
        f"/programs/sessions/{s}/sign-in/": (OK, OK),
        "/programs/calendar/": (OK, OK),
        "/programs/new/": (OK, REFUSED),
        f"/programs/{p}/edit/": (OK, REFUSED),
        f"/programs/{p}/schedules/new/": (OK, REFUSED),
        f"/programs/{p}/sessions/new/": (OK, REFUSED),
        f"/programs/sessions/{s}/edit/": (OK, REFUSED),
        f"/programs/sessions/{s}/record/": (OK, REFUSED),
        "/supporters/": (OK, REFUSED),
        "/supporters/new/": (OK, REFUSED),
        "/supporters/me/": (REFUSED, OK),
        f"/supporters/{w['record'].pk}/": (OK, OK),
        f"/supporters/{w['other'].pk}/": (OK, REFUSED),
        f"/supporters/{w['record'].pk}/edit/": (OK, REFUSED),
        f"/supporters/{w['record'].pk}/activities/new/": (OK, OK),
        "/supporters/courses/": (OK, REFUSED),
        f"/supporters/courses/{w['course'].pk}/": (OK, REFUSED),
        f"/supporters/case/{w['case'].pk}/assign/": (REFUSED, REFUSED),
        f"/cases/{w['case'].pk}/": (REFUSED, REFUSED),
    }


def test_what_a_clerk_and_a_supporter_may_open(world, clerk, as_member):
    clients = {"clerk": as_member(clerk), "supporter": as_member(world["supporter"])}
    for path, (for_clerk, for_supporter) in _pages(world).items():
        assert clients["clerk"].get(path).status_code in for_clerk, ("clerk", path)
        assert clients["supporter"].get(path).status_code in for_supporter, ("supporter", path)


def test_a_supporter_changes_nothing_of_programs(world, as_member):
    client = as_member(world["supporter"])
    s = world["session"].pk
    for path, data in [
        (f"/programs/sessions/{s}/attendance/", {"newcomers": "うみ", "mode": "in_person"}),
        (f"/programs/sessions/{s}/attendance/case/", {"case_number": world["case"].number}),
        (f"/programs/sessions/{s}/cancel/", {"reason": "雨"}),
        (f"/programs/{world['program'].pk}/archive/", {}),
    ]:
        assert client.post(path, data).status_code in REFUSED, path
    assert world["session"].attendances.count() == 0


def test_a_clerk_keeps_attendance_but_links_no_case(world, clerk, as_member):
    client = as_member(clerk)
    s = world["session"].pk
    assert (
        client.post(
            f"/programs/sessions/{s}/attendance/", {"newcomers": "うみ", "mode": "in_person"}
        ).status_code
        == 302
    )
    linked = client.post(
        f"/programs/sessions/{s}/attendance/case/",
        {"case_number": world["case"].number, "mode": "in_person"},
    )
    assert linked.status_code in {400, 403}
    assert not world["session"].attendances.filter(case__isnull=False).exists()
