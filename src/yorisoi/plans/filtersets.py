import django_filters
from django import forms
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import ApprovalStatus
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.plans.models import SupportPlan


class JapaneseDateFilter(django_filters.DateFilter):
    field_class = JapaneseDateField


class SupportPlanFilterSet(ScopedFilterSet):
    """The plan list: by case number, approval, review date, or each case's current plan only."""

    case_number = django_filters.CharFilter(label=_("Case number"), field_name="case__number")
    current = django_filters.BooleanFilter(
        label=_("Current version only"), widget=forms.CheckboxInput, method="only_current"
    )
    approval = django_filters.ChoiceFilter(label=_("Approval"), choices=ApprovalStatus.choices)
    review_by = JapaneseDateFilter(label=_("Review by"), field_name="review_on", lookup_expr="lte")

    class Meta:
        model = SupportPlan
        fields = ["case_number", "current", "approval", "review_by"]

    def only_current(self, queryset, name, value):
        if not value:
            return queryset
        newest = SupportPlan.objects.filter(case=OuterRef("case")).order_by("-number")
        return queryset.filter(number=Subquery(newest.values("number")[:1]))
