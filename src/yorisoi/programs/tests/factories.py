import datetime

import factory

from yorisoi.core.testing.samples import sample_for
from yorisoi.organizations.tests.factories import OrganizationFactory
from yorisoi.programs.models import (
    Attendance,
    Program,
    ProgramParticipant,
    ProgramSchedule,
    ProgramSession,
)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    organization = factory.SubFactory(OrganizationFactory)
    name = "居場所 ひだまり"
    kind = "ibasho"
    venue = "市民センター 和室"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramSession

    program = factory.SubFactory(ProgramFactory)
    organization = factory.SelfAttribute("program.organization")
    on = datetime.date(2025, 6, 4)
    starts_at = datetime.time(13, 30)
    ends_at = datetime.time(15, 30)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramParticipant

    program = factory.SubFactory(ProgramFactory)
    organization = factory.SelfAttribute("program.organization")
    nickname = factory.Sequence(lambda n: f"そら{n}")


@sample_for(Program)
def sample_program(organization, marker):
    return ProgramFactory(organization=organization, name=marker)


@sample_for(ProgramSchedule)
def sample_schedule(organization, marker):
    program = ProgramFactory(organization=organization, name=marker)
    return ProgramSchedule.objects.create(
        organization=organization,
        program=program,
        frequency="weekly",
        weekday=2,
        starts_at=datetime.time(13, 30),
        ends_at=datetime.time(15, 0),
        first_on=datetime.date(2025, 4, 2),
    )


@sample_for(ProgramSession)
def sample_session(organization, marker):
    return SessionFactory(program__organization=organization, program__name=marker, notes=marker)


@sample_for(ProgramParticipant)
def sample_participant(organization, marker):
    return ParticipantFactory(program__organization=organization, nickname=marker[:50])


@sample_for(Attendance)
def sample_attendance(organization, marker):
    session = SessionFactory(program__organization=organization, program__name=marker)
    participant = ParticipantFactory(program=session.program, nickname=marker[:50])
    return Attendance.objects.create(
        organization=organization, session=session, participant=participant, on=session.on
    )
