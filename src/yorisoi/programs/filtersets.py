import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.core.filters import ScopedFilterSet
from yorisoi.programs.choices import ProgramKind
from yorisoi.programs.models import Attendance, Program, ProgramSession


class ProgramFilterSet(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProgramKind.choices)
    include_archived = django_filters.BooleanFilter(
        label=_("Include archived programs"), method="with_archived", widget=forms.CheckboxInput
    )

    class Meta:
        model = Program
        fields = ["kind", "include_archived"]

    def with_archived(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("include_archived"):
            queryset = queryset.filter(archived_on__isnull=True)
        return super().filter_queryset(queryset)


class SessionFilterSet(ScopedFilterSet):
    """Sessions over the API: of one program, in a date range."""

    program = django_filters.NumberFilter(label=_("Program"), field_name="program")
    on_from = django_filters.DateFilter(label=_("From"), field_name="on", lookup_expr="gte")
    on_until = django_filters.DateFilter(label=_("Until"), field_name="on", lookup_expr="lte")

    class Meta:
        model = ProgramSession
        fields = ["program", "on_from", "on_until"]


class AttendanceFilterSet(ScopedFilterSet):
    session = django_filters.NumberFilter(label=_("Session"), field_name="session")

    class Meta:
        model = Attendance
        fields = ["session"]
