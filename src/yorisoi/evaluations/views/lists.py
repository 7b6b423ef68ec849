"""The organization's evaluations, as one list to filter and take away."""

from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedListView
from yorisoi.evaluations import tables
from yorisoi.evaluations.filtersets import EvaluationListFilterSet
from yorisoi.evaluations.models import Evaluation


class EvaluationListView(TableMixin, ScopedListView):
    """Every evaluation of the organization's cases, newest first."""

    model = Evaluation
    filterset_class = EvaluationListFilterSet
    template_name = "generic/table_list.html"
    table = tables.EVALUATIONS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(
                "case__person",
                "instrument_version__instrument",
                "rater_member",
                "rated_by__user",
            )
            .order_by("-rated_on", "-pk")
        )
