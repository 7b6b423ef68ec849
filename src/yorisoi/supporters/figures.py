"""Supporter figures by fiscal year, for the program pages and the statistics reports."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from yorisoi.core.dates import fiscal_year_range
from yorisoi.supporters.choices import SupporterStatus
from yorisoi.supporters.models import Supporter, SupporterActivity, TrainingCompletion


@dataclass(frozen=True)
class SupporterFigures:
    registered: int  # active or resting at the end of the year's data
    trained: int  # distinct supporters who completed a course in the year
    active: int  # distinct supporters with an activity in the year
    hours: Decimal


def for_year(organization_id: int, fiscal_year: int) -> SupporterFigures:
    start, end = fiscal_year_range(fiscal_year)
    activities = SupporterActivity.objects.for_organization(organization_id).filter(
        on__gte=start, on__lte=end
    )
    return SupporterFigures(
        registered=Supporter.objects.for_organization(organization_id)
        .exclude(status=SupporterStatus.ENDED)
        .count(),
        trained=TrainingCompletion.objects.for_organization(organization_id)
        .filter(completed_on__gte=start, completed_on__lte=end)
        .values("supporter")
        .distinct()
        .count(),
        active=activities.values("supporter").distinct().count(),
        hours=activities.aggregate(total=Sum("hours"))["total"] or Decimal(0),
    )
