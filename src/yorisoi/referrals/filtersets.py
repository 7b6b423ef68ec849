import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.models import Agency
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.referrals.choices import Basis, ReferralStatus, SupportStarted
from yorisoi.referrals.models import ProvisionRecord, Referral


class CaseFilters(django_filters.FilterSet):
    """By case number on the pages; by case id (``?case=``) from the case page and the API.

    A select of every case would not do: an organization has tens of thousands.
    """

    case = django_filters.NumberFilter(field_name="case", widget=forms.HiddenInput)
    case_number = django_filters.CharFilter(label=_("Case number"), field_name="case__number")


class ReferralFilterSet(CaseFilters, ScopedFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReferralStatus.choices)
    support_started = django_filters.ChoiceFilter(
        label=_("Did support start?"), choices=SupportStarted.choices
    )
    agency = django_filters.ModelChoiceFilter(label=_("Agency"), queryset=Agency.objects.all())
    referred_from = django_filters.DateFilter(
        label=_("Referred from"), field_name="referred_on", lookup_expr="gte"
    )
    referred_to = django_filters.DateFilter(
        label=_("Referred until"), field_name="referred_on", lookup_expr="lte"
    )

    class Meta:
        model = Referral
        fields = [
            "case",
            "case_number",
            "status",
            "support_started",
            "agency",
            "referred_from",
            "referred_to",
        ]


class ProvisionFilterSet(CaseFilters, ScopedFilterSet):
    provided_from = django_filters.DateFilter(
        label=_("Provided from"), field_name="provided_on", lookup_expr="gte"
    )
    provided_to = django_filters.DateFilter(
        label=_("Provided until"), field_name="provided_on", lookup_expr="lte"
    )
    basis = django_filters.ChoiceFilter(label=_("Ground"), choices=Basis.choices)

    class Meta:
        model = ProvisionRecord
        fields = ["case", "case_number", "provided_from", "provided_to", "basis"]
