import django_filters
from django.utils.translation import gettext_lazy as _

from yorisoi.core.filters import ScopedFilterSet
from yorisoi.evaluations.choices import Rater, Timing
from yorisoi.evaluations.models import Evaluation


class EvaluationListFilterSet(ScopedFilterSet):
    """The evaluation list: by case number, timing, whose view, 年度."""

    case_number = django_filters.CharFilter(label=_("Case number"), field_name="case__number")
    timing = django_filters.ChoiceFilter(label=_("Timing"), choices=Timing.choices)
    rater = django_filters.ChoiceFilter(label=_("Rated by"), choices=Rater.choices)
    fiscal_year = django_filters.NumberFilter(label=_("Fiscal year"))

    class Meta:
        model = Evaluation
        fields = ["case_number", "timing", "rater", "fiscal_year"]
