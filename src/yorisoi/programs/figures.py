"""Program figures by fiscal year and kind, for the program page and the statistics reports.

延べ参加者数 counts every attendance (named, nicknamed) plus the head counts; 実参加者数
counts distinct people: nicknames of the program's list and linked people of cases. Head
counts cannot be told apart, so they are reported on their own and never in 実参加者数.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from yorisoi.core.dates import fiscal_year_range
from yorisoi.organizations.models import Organization
from yorisoi.programs.choices import ProgramKind, SessionStatus
from yorisoi.programs.models import Attendance, ProgramSession


@dataclass(frozen=True)
class KindFigures:
    kind: str
    sessions_held: int
    attendances: int  # named and nicknamed
    head_count_person: int
    head_count_family: int
    head_count_other: int
    distinct_participants: int  # 実参加者数 (nicknames and linked people)
    first_visits: int
    from_other_municipalities: int  # distinct nicknames who said they live elsewhere

    @property
    def head_counts(self) -> int:
        return self.head_count_person + self.head_count_family + self.head_count_other

    @property
    def total(self) -> int:
        """延べ参加者数: every attendance and every head counted."""
        return self.attendances + self.head_counts

    @property
    def label(self) -> str:
        return str(ProgramKind(self.kind).label)


def by_kind(
    organization_id: int, fiscal_year: int, *, program_id: int | None = None
) -> list[KindFigures]:
    """The fiscal year's figures of the organization's programs, one row per kind held."""
    start, end = fiscal_year_range(fiscal_year)
    return between(organization_id, start, end, program_id=program_id)


def between(
    organization_id: int,
    start: datetime.date,
    end: datetime.date,
    *,
    program_id: int | None = None,
) -> list[KindFigures]:
    """The figures of sessions held from ``start`` to ``end`` (a month's report, a year)."""
    sessions = ProgramSession.objects.for_organization(organization_id).filter(
        on__gte=start, on__lte=end, status=SessionStatus.HELD
    )
    attendances = Attendance.objects.for_organization(organization_id).filter(session__in=sessions)
    if program_id is not None:
        sessions = sessions.filter(program=program_id)
        attendances = attendances.filter(session__program=program_id)
    held = {
        row["program__kind"]: row
        for row in sessions.values("program__kind").annotate(
            n=Count("pk"),
            person=Sum("count_person"),
            family=Sum("count_family"),
            other=Sum("count_other"),
        )
    }
    own = _own_municipality(organization_id)
    came = {
        row["session__program__kind"]: row
        for row in attendances.values("session__program__kind").annotate(
            n=Count("pk"),
            nicknames=Count("participant", distinct=True),
            people=Count("case", distinct=True, filter=Q(household_member__isnull=True)),
            family=Count("household_member", distinct=True),
            first=Count("pk", filter=Q(first_visit=True)),
            elsewhere=Count(
                "participant",
                distinct=True,
                filter=~Q(participant__municipality="") & ~Q(participant__municipality=own),
            ),
        )
    }
    figures = []
    for kind in ProgramKind.values:
        if kind not in held:
            continue
        h, c = held[kind], came.get(kind, {"n": 0})
        figures.append(
            KindFigures(
                kind=kind,
                sessions_held=h["n"],
                attendances=c.get("n", 0),
                head_count_person=h["person"] or 0,
                head_count_family=h["family"] or 0,
                head_count_other=h["other"] or 0,
                distinct_participants=c.get("nicknames", 0)
                + c.get("people", 0)
                + c.get("family", 0),
                first_visits=c.get("first", 0),
                from_other_municipalities=c.get("elsewhere", 0),
            )
        )
    return figures


def _own_municipality(organization_id: int) -> str:
    return (
        Organization.objects.filter(pk=organization_id)
        .values_list("municipality", flat=True)
        .first()
        or ""
    )
