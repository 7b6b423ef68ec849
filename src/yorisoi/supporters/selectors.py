"""Reading the registry for pages: supporters with their courses, a supporter's own page."""

from __future__ import annotations

from django.db.models import Count, QuerySet, Sum

from yorisoi.core.scoping import Member
from yorisoi.supporters.models import (
    CaseSupporter,
    Supporter,
    SupporterActivity,
    TrainingCourse,
)


def supporters_for(member: Member | None) -> QuerySet[Supporter]:
    """The registry as the member may see it, each with its number of courses (``trained``)."""
    return Supporter.objects.for_member(member).annotate(
        trained=Count("completions", distinct=True)
    )


def courses_for(member: Member | None) -> QuerySet[TrainingCourse]:
    return TrainingCourse.objects.for_member(member).annotate(
        completed=Count("completions", distinct=True)
    )


def activities_of(member: Member | None, supporter: Supporter) -> QuerySet[SupporterActivity]:
    return (
        SupporterActivity.objects.for_member(member)
        .filter(supporter=supporter)
        .select_related("program", "case_link")
    )


def hours_of(member: Member | None, supporter: Supporter) -> object:
    return activities_of(member, supporter).aggregate(total=Sum("hours"))["total"] or 0


def people_of(member: Member | None, supporter: Supporter) -> QuerySet[CaseSupporter]:
    """The people the supporter works with, as the member may see them (a supporter: their
    own, by the name shown to them)."""
    return CaseSupporter.objects.for_member(member).filter(
        supporter=supporter, ended_on__isnull=True
    )
