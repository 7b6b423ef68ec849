import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.core.filters import ScopedFilterSet
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership


class MembershipFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(label=_("Name or username"), method="search")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    status = django_filters.ChoiceFilter(
        label=_("Employment status"),
        choices=[("active", _("Active")), ("left", _("Left"))],
        empty_label=_("All"),
        method="by_status",
    )

    class Meta:
        model = Membership
        fields = ["q", "role", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__full_name__icontains=value)
            | Q(user__full_name_kana__icontains=value)
            | Q(user__username__icontains=value)
        )

    def by_status(self, queryset, name, value):
        return queryset.filter(is_active=value == "active")
