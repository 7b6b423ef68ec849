import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.choices import AgencyCategory
from yorisoi.agencies.models import Agency
from yorisoi.core.filters import ScopedFilterSet


class AgencyFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(label=_("Name, area or what they offer"), method="by_words")
    category = django_filters.ChoiceFilter(label=_("Category"), choices=AgencyCategory.choices)
    area = django_filters.CharFilter(label=_("Area"), lookup_expr="icontains")
    include_inactive = django_filters.BooleanFilter(
        label=_("Include inactive entries"),
        method="with_inactive",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Agency
        fields = ["q", "category", "area", "include_inactive"]

    def by_words(self, queryset, name, value):
        return queryset.matching(value)

    def with_inactive(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("include_inactive"):
            queryset = queryset.filter(is_active=True)
        return super().filter_queryset(queryset)
