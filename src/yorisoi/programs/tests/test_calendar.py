import pytest
from django.utils import timezone

from yorisoi.core.roles import Role
from yorisoi.programs import services
from yorisoi.programs.tests.factories import ProgramFactory, SessionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_a_private_address_serves_titles_and_places_until_stopped(clerk, org, client, as_member):
    session = SessionFactory(
        program__organization=org, program__name="居場所 ひだまり", venue="和室", on=TODAY
    )
    services.record_nicknames(actor=clerk, session=session, new=[{"nickname": "そら"}])
    page = as_member(clerk).post("/programs/calendar/", {"action": "make"}).content.decode()
    url = page.split('readonly value="')[1].split('"')[0]
    assert url.endswith(".ics")
    path = url.split("testserver")[1]
    feed = client.get(path)  # no sign-in: the calendar app has only the address
    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "BEGIN:VEVENT" in body
    assert "居場所 ひだまり" in body
    assert "和室" in body
    assert "そら" not in body  # never who came
    as_member(clerk).post("/programs/calendar/", {"action": "stop"})
    assert client.get(path).status_code == 404


def test_a_supporter_calendar_holds_only_its_programs(org, make_member, client):
    supporter = make_member(org, Role.SUPPORTER)
    theirs = ProgramFactory(organization=org, name="畑の会")
    theirs.team.add(supporter)
    SessionFactory(program=theirs, on=TODAY)
    SessionFactory(program__organization=org, program__name="家族会", on=TODAY, venue="別室")
    _feed, key = services.make_calendar_feed(actor=supporter)
    body = client.get(f"/programs/calendar/{key}.ics").content.decode()
    assert "畑の会" in body
    assert "家族会" not in body
    supporter.is_active = False
    supporter.save()
    assert client.get(f"/programs/calendar/{key}.ics").status_code == 404


def test_an_unknown_key_finds_nothing(client, db):
    assert client.get("/programs/calendar/not-a-key.ics").status_code == 404


def test_the_month_report_counts_without_names(clerk, org, as_member):
    session = SessionFactory(program__organization=org, on=TODAY, notes="お茶会")
    services.record_nicknames(
        actor=clerk, session=session, new=[{"nickname": "そら"}, {"nickname": "うみ"}]
    )
    page = as_member(clerk).get(
        f"/programs/{session.program_id}/report/", {"month": TODAY.strftime("%Y-%m")}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "お茶会" in text
    assert "そら" not in text
    assert f"{TODAY.month}月" in text
