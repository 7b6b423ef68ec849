import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.core.filters import ScopedFilterSet
from yorisoi.core.roles import CASE_STAFF
from yorisoi.handovers.choices import HandoverReason
from yorisoi.handovers.models import Handover
from yorisoi.organizations.models import Membership


def _staff(request):
    member = getattr(request, "member", None)
    return Membership.objects.for_member(member).filter(role__in=CASE_STAFF).select_related("user")


class HandoverFilterSet(ScopedFilterSet):
    pending = django_filters.BooleanFilter(
        label=_("Acknowledgement"),
        method="by_pending",
        widget=forms.Select(
            choices=[
                ("", _("All")),
                ("true", _("Waiting")),
                ("false", _("Acknowledged or replaced")),
            ]
        ),
    )
    to_staff = django_filters.ModelChoiceFilter(label=_("New primary worker"), queryset=_staff)
    from_staff = django_filters.ModelChoiceFilter(label=_("Handed over by"), queryset=_staff)
    reason = django_filters.ChoiceFilter(label=_("Reason"), choices=HandoverReason.choices)

    class Meta:
        model = Handover
        fields = ["pending", "to_staff", "from_staff", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("to_staff", "from_staff"):
            self.filters[name].field.label_from_instance = lambda membership: str(membership.user)

    def by_pending(self, queryset, name, value):
        if value is None:
            return queryset
        pending = queryset.pending()
        return pending if value else queryset.exclude(pk__in=pending.values("pk"))


class HandoverApiFilterSet(HandoverFilterSet):
    """The API filters by case too (the page reaches a case's handovers from the case)."""

    case = django_filters.NumberFilter(field_name="case")

    class Meta(HandoverFilterSet.Meta):
        fields = ["case", *HandoverFilterSet.Meta.fields]
