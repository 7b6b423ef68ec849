import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import AgeBand, CaseStatus, FirstConsulter, SupportStage
from yorisoi.cases.models import Case
from yorisoi.core.dates import current_fiscal_year, fiscal_year_label, fiscal_year_range
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership


def _fiscal_years():
    this = current_fiscal_year()
    return [(fy, fiscal_year_label(fy)) for fy in range(this, this - 15, -1)]


def _staff(request):
    member = getattr(request, "member", None)
    return Membership.objects.for_member(member).filter(is_active=True).select_related("user")


class CaseFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(label=_("Name or furigana"), method="by_name")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CaseStatus.choices)
    stage = django_filters.ChoiceFilter(label=_("Support stage"), choices=SupportStage.choices)
    staff = django_filters.ModelChoiceFilter(
        label=_("Assigned staff"), queryset=_staff, method="by_staff"
    )
    first_consulter = django_filters.ChoiceFilter(
        label=_("First consulted by"), choices=FirstConsulter.choices
    )
    age_band = django_filters.ChoiceFilter(
        label=_("Age band at opening"), field_name="age_band_at_opening", choices=AgeBand.choices
    )
    fiscal_year = django_filters.ChoiceFilter(
        label=_("Fiscal year opened"), choices=_fiscal_years, method="by_fiscal_year"
    )

    class Meta:
        model = Case
        fields = [
            "q",
            "status",
            "stage",
            "staff",
            "first_consulter",
            "age_band",
            "fiscal_year",
        ]

    @classmethod
    def add_filter(cls, name: str, added: django_filters.Filter) -> None:
        """A filter another app provides (words in contact notes); it comes after the name."""
        added.model, added.field_name = Case, name
        first, *rest = cls.base_filters.items()
        cls.base_filters = dict([first, (name, added), *rest])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff are listed by name; the organization is the member's own.
        self.filters["staff"].field.label_from_instance = lambda membership: str(membership.user)

    def by_name(self, queryset, name, value):
        key = normalize_name(value)
        return queryset.filter(person__name_search__contains=key) if key else queryset

    def by_staff(self, queryset, name, value: int):
        return queryset.filter(Q(primary_staff=value) | Q(secondary_staff=value))

    def by_fiscal_year(self, queryset, name, value: int):
        start, end = fiscal_year_range(int(value))  # a date range keeps the index usable
        return queryset.filter(opened_on__gte=start, opened_on__lte=end)
