"""What evaluations add to the case page: a side panel and a timeline kind.

Both say what they need, fetched with the rest of the case page in one query (registered in
``EvaluationsConfig.ready``).
"""

from typing import Any

from django.db.models import OuterRef
from django.utils import timezone

from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Action
from yorisoi.evaluations import history
from yorisoi.evaluations.choices import Rater
from yorisoi.evaluations.models import Evaluation
from yorisoi.evaluations.scoring import SummaryLine

# The panel is a glance: the latest evaluations are enough for it and its small chart.
PANEL_EVALUATIONS = 12


def _with_scores(rows) -> Rows:
    """As ``selectors.with_scores`` loads them: instrument, raters, scored items and levels."""
    rows = rows.select_related("instrument_version__instrument", "rater_member", "rated_by__user")
    return Rows(rows.order_by("-rated_on", "-pk"), many=("scores__item__levels",))


def panel_needs(case, member) -> dict:
    rows = _with_scores(Evaluation.objects.filter(case=OuterRef("pk")))
    return {"evaluations.recent": Rows(rows.queryset[:PANEL_EVALUATIONS], many=rows.many)}


def panel_context(case, member, found) -> dict:
    """The latest scores of each rater with the instrument used last, and one small chart."""
    recent = found["evaluations.recent"]
    latest: list[tuple[Evaluation, list[SummaryLine]]] = []
    context: dict[str, Any] = {
        "can_add": Evaluation.access_policy.allows(member, Action.ADD),
        "latest": latest,
    }
    if not recent:
        return context
    instrument_id = recent[0].instrument_version.instrument_id
    same = [e for e in recent if e.instrument_version.instrument_id == instrument_id]
    for rater in Rater:
        last = next((e for e in same if e.rater == rater), None)
        if last is not None:
            latest.append((last, last.summary_lines()))
    charts = history.build(same, key="panel")[0].charts
    context["instrument"] = recent[0].instrument_version.instrument
    context["chart"] = next((c for c in charts if c.has_values), None)
    return context


def timeline_rows(before, limit) -> Rows:
    """Evaluations for the case timeline, newest first (placed at the start of their day)."""
    rows = Evaluation.objects.filter(case=OuterRef("pk"))
    if before is not None:
        local = timezone.localtime(before) if timezone.is_aware(before) else before
        rows = rows.filter(rated_on__lt=local.date())
    loaded = _with_scores(rows)
    return Rows(loaded.queryset[:limit], many=loaded.many)
