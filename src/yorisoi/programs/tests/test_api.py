import pytest
from django.utils import timezone

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.roles import Role
from yorisoi.programs.models import Attendance
from yorisoi.programs.tests.factories import ParticipantFactory, ProgramFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_a_clerk_keeps_programs_and_records_by_nickname_over_the_api(clerk, api_as):
    client = api_as(clerk)
    created = client.post(
        "/api/programs/",
        {"name": "居場所 ひだまり", "kind": "ibasho", "venue": "和室"},
        format="json",
    )
    assert created.status_code == 201, created.content
    program = created.json()["id"]
    session = client.post(
        "/api/program-sessions/",
        {
            "program": program,
            "on": TODAY.isoformat(),
            "starts_at": "13:30",
            "ends_at": "15:00",
            "count_person": 2,
        },
        format="json",
    )
    assert session.status_code == 201, session.content
    assert session.json()["status"] == "held"
    came = client.post(
        "/api/attendance/", {"session": session.json()["id"], "nickname": "そら"}, format="json"
    )
    assert came.status_code == 201, came.content
    assert came.json()["first_visit"] is True
    listed = client.get(f"/api/program-sessions/?program={program}").json()
    assert listed["results"][0]["named"] == 1


def test_a_supporter_reads_its_programs_and_nicknames_only(org, make_member, api_as):
    supporter = make_member(org, Role.SUPPORTER)
    theirs = ProgramFactory(organization=org, name="畑の会")
    theirs.team.add(supporter)
    ProgramFactory(organization=org, name="家族会")
    session = SessionFactory(program=theirs, on=TODAY)
    Attendance.objects.create(
        organization=org,
        session=session,
        on=TODAY,
        participant=ParticipantFactory(program=theirs, nickname="そら"),
    )
    Attendance.objects.create(
        organization=org, session=session, on=TODAY, case=CaseFactory(organization=org)
    )
    client = api_as(supporter)
    names = [p["name"] for p in client.get("/api/programs/").json()["results"]]
    assert names == ["畑の会"]
    listed = client.get(f"/api/attendance/?session={session.pk}")
    assert listed.status_code == 200, listed.content
    rows = listed.json()["results"]
    assert [r["nickname"] for r in rows] == ["そら"]
    refused = client.post(
        "/api/attendance/", {"session": session.pk, "nickname": "うみ"}, format="json"
    )
    assert refused.status_code == 403
