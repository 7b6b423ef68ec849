"""What evaluations add to the case page: a side panel and a timeline kind.

Both load a fixed number of queries whatever the number of evaluations (registered in
``EvaluationsConfig.ready``).
"""

from django.utils import timezone

from yorisoi.cases.extensions import as_datetime
from yorisoi.core.roles import Action
from yorisoi.evaluations import history, selectors
from yorisoi.evaluations.choices import Rater
from yorisoi.evaluations.models import Evaluation

# The panel is a glance: the latest evaluations are enough for it and its small chart.
PANEL_EVALUATIONS = 12


def panel_context(case, member) -> dict:
    """The latest scores of each rater with the instrument used last, and one small chart."""
    recent = list(selectors.evaluations_of(case).order_by("-rated_on", "-pk")[:PANEL_EVALUATIONS])
    context = {"can_add": Evaluation.access_policy.allows(member, Action.ADD), "latest": []}
    if not recent:
        return context
    instrument_id = recent[0].instrument_version.instrument_id
    same = [e for e in recent if e.instrument_version.instrument_id == instrument_id]
    for rater in Rater:
        last = next((e for e in same if e.rater == rater), None)
        if last is not None:
            context["latest"].append((last, last.summary_lines()))
    charts = history.build(same, key="panel")[0].charts
    context["instrument"] = recent[0].instrument_version.instrument
    context["chart"] = next((c for c in charts if c.has_values), None)
    return context


def timeline_entries(case, before, limit):
    """Evaluations for the case timeline, newest first, placed at the start of their day."""
    rows = selectors.evaluations_of(case).order_by("-rated_on", "-pk")
    if before is not None:
        local = timezone.localtime(before) if timezone.is_aware(before) else before
        rows = rows.filter(rated_on__lt=local.date())
    return [(as_datetime(e.rated_on), e) for e in rows[:limit]]
