import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.meetings.models import CaseMeeting, MeetingKind, SupportPolicy


class JapaneseDateFilter(django_filters.DateFilter):
    field_class = JapaneseDateField


class MeetingListFilterSet(ScopedFilterSet):
    """The meeting list: by case number, kind, policy decided, date, difficult-case reviews."""

    case_number = django_filters.CharFilter(label=_("Case number"), field_name="case__number")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    support_policy = django_filters.ChoiceFilter(
        label=_("Support policy decided"), choices=SupportPolicy.choices
    )
    difficult_case_review = django_filters.BooleanFilter(
        label=_("Reviews of a difficult case only"),
        widget=forms.CheckboxInput,
        method="only_reviews",
    )
    held_from = JapaneseDateFilter(label=_("Held from"), field_name="held_on", lookup_expr="gte")
    held_until = JapaneseDateFilter(label=_("Held until"), field_name="held_on", lookup_expr="lte")

    class Meta:
        model = CaseMeeting
        fields = [
            "case_number",
            "kind",
            "support_policy",
            "difficult_case_review",
            "held_from",
            "held_until",
        ]

    def only_reviews(self, queryset, name, value):
        return queryset.filter(difficult_case_review=True) if value else queryset
