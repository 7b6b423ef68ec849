"""Evaluations due at the end of the fiscal year, for every open case (seed 002's timings)."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.dates import fiscal_year_of, fiscal_year_range
from yorisoi.due.registry import DueItem, DueKind, DueRows, register
from yorisoi.evaluations.choices import Timing
from yorisoi.evaluations.models import Evaluation


def ending_fiscal_year(today: datetime.date) -> int | None:
    """The fiscal year whose year-end evaluation is due now: in March, and April–May after it."""
    if today.month == 3:
        return fiscal_year_of(today)
    if today.month in (4, 5):
        return fiscal_year_of(today) - 1
    return None


def _fiscal_year_end(member, today):
    scope = cases_in_scope(member)
    year = ending_fiscal_year(today)
    if year is None:
        return None
    _start, end = fiscal_year_range(year)
    done = Evaluation.objects.filter(
        case=OuterRef("pk"), timing=Timing.FISCAL_YEAR_END, fiscal_year=year
    )
    cases = (
        scope.filter(opened_on__lte=end)
        .annotate(done=Exists(done))
        .filter(done=False)
        .select_related("person")
        .order_by("number")
    )
    return DueRows(
        cases,
        lambda c: DueItem("fiscal_year_end", c, end, _("Evaluation at the end of the fiscal year")),
    )


def register_due() -> None:
    register(DueKind("fiscal_year_end", _("Year-end evaluations"), _fiscal_year_end, 25))
