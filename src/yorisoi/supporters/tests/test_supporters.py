import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.dates import fiscal_year_of
from yorisoi.core.roles import Role
from yorisoi.programs import services as program_services
from yorisoi.programs.tests.factories import ProgramFactory
from yorisoi.supporters import figures, services
from yorisoi.supporters.models import Supporter
from yorisoi.supporters.tests.factories import CourseFactory, SupporterFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def supporter_login(org, make_member):
    return make_member(org, Role.SUPPORTER, user__username="supporter")


def test_nobody_joins_a_team_before_signing_the_pledge(clerk, org, supporter_login):
    record = SupporterFactory(organization=org, membership=supporter_login, pledge_signed_on=None)
    program = ProgramFactory(organization=org)
    with pytest.raises(ValidationError, match="誓約"):
        program_services.change_program(
            actor=clerk, program=program, expected_version=1, team=[supporter_login]
        )
    services.change_supporter(
        actor=clerk, supporter=record, expected_version=1, pledge_signed_on=TODAY
    )
    program_services.change_program(  # the refused change saved nothing: still version 1
        actor=clerk, program=program, expected_version=1, team=[supporter_login]
    )
    assert list(program.team.all()) == [supporter_login]


def test_a_case_is_shared_only_after_agreement_and_pledge(caseworker, org):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    unsigned = SupporterFactory(organization=org, pledge_signed_on=None)
    with pytest.raises(ValidationError):
        services.assign_to_case(
            actor=caseworker, case=case, supporter=unsigned, agreed_on=TODAY, shown_as="ひかる"
        )
    signed = SupporterFactory(organization=org)
    link = services.assign_to_case(
        actor=caseworker,
        case=case,
        supporter=signed,
        agreed_on=TODAY,
        shown_as="ひかる",
        shared="土いじりが好き。大きな音が苦手。",
    )
    assert link.shown_as == "ひかる"
    with pytest.raises(ValidationError):  # once at a time
        services.assign_to_case(
            actor=caseworker, case=case, supporter=signed, agreed_on=TODAY, shown_as="ひかる"
        )


def test_the_supporter_page_shows_the_name_given_and_what_was_shared(
    caseworker, org, supporter_login, as_member
):
    record = SupporterFactory(organization=org, membership=supporter_login)
    case = CaseFactory(organization=org, primary_staff=caseworker, person__name="寄添 光")
    services.assign_to_case(
        actor=caseworker,
        case=case,
        supporter=record,
        agreed_on=TODAY,
        shown_as="ひかる",
        shared="土いじりが好き。",
    )
    farm = ProgramFactory(organization=org, name="畑の会")
    farm.team.add(supporter_login)
    ProgramFactory(organization=org, name="家族会")
    client = as_member(supporter_login)
    page = client.get("/supporters/me/").content.decode()
    assert "ひかる" in page
    assert "土いじりが好き" in page
    assert "畑の会" in page
    assert "家族会" not in page
    assert "寄添 光" not in page
    assert case.number not in page
    assert client.get("/supporters/").status_code == 403
    assert client.get(f"/cases/{case.pk}/").status_code in {403, 404}
    other = SupporterFactory(organization=org)
    assert client.get(f"/supporters/{other.pk}/").status_code == 404


def test_a_supporter_records_their_own_hours_only(org, supporter_login, clerk):
    record = SupporterFactory(organization=org, membership=supporter_login)
    other = SupporterFactory(organization=org)
    fields = {"on": TODAY, "hours": Decimal("2.5"), "kind": "ibasho"}
    services.record_activity(actor=supporter_login, supporter=record, **fields)
    with pytest.raises(PermissionDenied):
        services.record_activity(actor=supporter_login, supporter=other, **fields)
    with pytest.raises(ValidationError):
        services.record_activity(actor=clerk, supporter=other, **{**fields, "hours": Decimal(0)})


def test_figures_of_the_year(clerk, org):
    trained, idle = SupporterFactory(organization=org), SupporterFactory(organization=org)
    course = CourseFactory(organization=org, held_from=TODAY - datetime.timedelta(days=1))
    services.record_completions(
        actor=clerk, course=course, supporters=[trained], completed_on=TODAY
    )
    services.record_activity(
        actor=clerk, supporter=trained, on=TODAY, hours=Decimal("3"), kind="accompany"
    )
    services.record_activity(
        actor=clerk, supporter=trained, on=TODAY, hours=Decimal("1.5"), kind="ibasho"
    )
    result = figures.for_year(org.pk, fiscal_year_of(TODAY))
    assert (result.registered, result.trained, result.active) == (2, 1, 1)
    assert result.hours == Decimal("4.5")
    assert idle.pk


def test_a_clerk_registers_a_supporter_and_marks_a_course_done(clerk, org, as_member):
    client = as_member(clerk)
    response = client.post(
        "/supporters/new/",
        {
            "name": "地域 一郎",
            "kind": "supporter",
            "status": "active",
            "pledge_signed_on": "令和8年4月1日",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    supporter = Supporter.objects.get(name="地域 一郎")
    course = CourseFactory(organization=org, held_from=datetime.date(2026, 4, 1))
    response = client.post(
        f"/supporters/courses/{course.pk}/",
        {"supporters": [supporter.pk], "completed_on": "2026-05-01"},
    )
    assert response.status_code == 302
    assert "地域 一郎" in client.get(f"/supporters/courses/{course.pk}/").content.decode()
    download = client.get("/supporters/?format=xlsx")
    assert download.status_code == 200


def test_showing_a_supporter_its_people_is_logged(caseworker, org, supporter_login, as_member):
    from yorisoi.audit.models import AuditEvent

    record = SupporterFactory(organization=org, membership=supporter_login)
    case = CaseFactory(organization=org, primary_staff=caseworker)
    services.assign_to_case(
        actor=caseworker, case=case, supporter=record, agreed_on=TODAY, shown_as="ひかる"
    )
    as_member(supporter_login).get("/supporters/me/")
    assert AuditEvent.objects.filter(
        action="list", object_type="supporters.casesupporter", actor_username="supporter"
    ).exists()
