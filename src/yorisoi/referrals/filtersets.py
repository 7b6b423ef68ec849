import django_filters
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.models import Agency
from yorisoi.core.filters import ScopedFilterSet
from yorisoi.referrals.choices import Basis, ReferralStatus, SupportStarted
from yorisoi.referrals.models import ProvisionRecord, Referral


class ReferralFilterSet(ScopedFilterSet):
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
        fields = ["case", "status", "support_started", "agency", "referred_from", "referred_to"]


class ProvisionFilterSet(ScopedFilterSet):
    provided_from = django_filters.DateFilter(
        label=_("Provided from"), field_name="provided_on", lookup_expr="gte"
    )
    provided_to = django_filters.DateFilter(
        label=_("Provided until"), field_name="provided_on", lookup_expr="lte"
    )
    basis = django_filters.ChoiceFilter(label=_("Ground"), choices=Basis.choices)

    class Meta:
        model = ProvisionRecord
        fields = ["case", "provided_from", "provided_to", "basis"]
