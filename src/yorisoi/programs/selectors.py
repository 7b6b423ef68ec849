"""Reading programs and sessions for pages: lists with their next session, a session's rows."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from yorisoi.core.scoping import Member
from yorisoi.programs.choices import SessionStatus
from yorisoi.programs.models import Attendance, Program, ProgramParticipant, ProgramSession


def programs_for(member: Member | None, *, archived: bool = False) -> QuerySet[Program]:
    """The member's programs, each with the day of its next session (``next_on``)."""
    today = timezone.localdate()
    programs = Program.objects.for_member(member).annotate(
        next_on=Min(
            "sessions__on",
            filter=Q(sessions__on__gte=today) & ~Q(sessions__status=SessionStatus.CANCELLED),
        )
    )
    return programs if archived else programs.filter(archived_on__isnull=True)


def sessions_of(member: Member | None, program: Program) -> QuerySet[ProgramSession]:
    """A program's sessions with the number of named and nicknamed participants (``named``)."""
    return (
        ProgramSession.objects.for_member(member)
        .filter(program=program)
        .select_related("program")
        .annotate(named=Count("attendances"))
    )


def roster(member: Member | None, program: Program) -> QuerySet[ProgramParticipant]:
    """The program's own list of participants by nickname, with their number of visits."""
    return (
        ProgramParticipant.objects.for_member(member)
        .filter(program=program, is_active=True)
        .annotate(visits=Count("attendances"))
    )


def attendances_at(member: Member | None, session: ProgramSession) -> QuerySet[Attendance]:
    """Who came to the session, as far as the member may see (a supporter: nicknames)."""
    return (
        Attendance.objects.for_member(member)
        .filter(session=session)
        .select_related("participant", "case__person", "household_member")
        .order_by("pk")
    )


def upcoming(member: Member | None, *, days: int = 14, today: datetime.date | None = None) -> Any:
    """Sessions of the member's programs in the coming days (the start page)."""
    today = today or timezone.localdate()
    return (
        ProgramSession.objects.for_member(member)
        .filter(on__gte=today, on__lte=today + datetime.timedelta(days=days))
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("program")
        .order_by("on", "starts_at")
    )
