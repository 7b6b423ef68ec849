import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.audit.models import AuditEvent
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.core.recorder import AuditAction


class JapaneseDateFilter(django_filters.DateFilter):
    field_class = JapaneseDateField


class AuditEventFilterSet(ScopedFilterSet):
    actor = django_filters.CharFilter(
        label=_("Username"), field_name="actor_username", lookup_expr="iexact"
    )
    action = django_filters.ChoiceFilter(label=_("Action"), choices=AuditAction.choices)
    object_type = django_filters.CharFilter(label=_("Record type"), lookup_expr="iexact")
    object_id = django_filters.CharFilter(label=_("Record ID"))
    since = JapaneseDateFilter(label=_("From"), field_name="at", lookup_expr="date__gte")
    until = JapaneseDateFilter(label=_("Until"), field_name="at", lookup_expr="date__lte")
    flagged = django_filters.BooleanFilter(
        label=_("Flagged only"), widget=forms.CheckboxInput, method="only_flagged"
    )

    class Meta:
        model = AuditEvent
        fields = ["actor", "action", "object_type", "object_id", "since", "until", "flagged"]

    def only_flagged(self, queryset, name, value):
        return queryset.filter(flagged=True) if value else queryset
