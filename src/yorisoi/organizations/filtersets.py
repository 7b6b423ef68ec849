import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership


class MembershipFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or username"), method="search")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Membership
        fields = ["q", "role", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__full_name__icontains=value)
            | Q(user__full_name_kana__icontains=value)
            | Q(user__username__icontains=value)
        )
