"""Recording, withdrawing and printing consents."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.consents import services
from yorisoi.consents.forms import ConsentForm, WithdrawForm
from yorisoi.consents.models import Consent
from yorisoi.core.views import ScopedDetailView, ScopedMixin, ServiceFormMixin


class ConsentCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = ConsentForm
    template_name = "consents/consent_form.html"
    success_message = gettext_lazy("The consent has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def perform(self, form):
        return services.record_consent(
            actor=self.request.member, case=self.case, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class ConsentWithdrawView(ScopedMixin, ServiceFormMixin, FormView):
    model = Consent
    form_class = WithdrawForm
    template_name = "consents/consent_withdraw.html"
    success_message = gettext_lazy(
        "The withdrawal has been recorded. The consent is no longer in force."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.member is not None:
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        return get_object_or_404(self.get_queryset().select_related("case"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consent=self.object,
            case=self.object.case,
            referrals=self.object.referrals.select_related("agency"),
            **kwargs,
        )

    def perform(self, form):
        return services.withdraw_consent(
            actor=self.request.member,
            consent=self.object,
            on=form.cleaned_data["withdrawn_on"],
            note=form.cleaned_data["note"],
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.object.case_id])


class ConsentPrintView(ScopedDetailView):
    """The consent form on A4, to read through with the person or family and sign."""

    model = Consent
    template_name = "consents/consent_print.html"

    def get_queryset(self):
        return (
            super().get_queryset().select_related("case__person", "given_by_member", "organization")
        )
