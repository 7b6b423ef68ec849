"""Referring a case, answering referrals, following them up, and the team around a case."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.consents.models import Consent, ConsentKind
from yorisoi.core.roles import Action
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedDetailView, ScopedListView, ScopedMixin, ServiceFormMixin
from yorisoi.referrals import selectors, services, tables
from yorisoi.referrals.filtersets import ProvisionFilterSet, ReferralFilterSet
from yorisoi.referrals.forms import (
    AcceptForm,
    DeclineForm,
    FollowUpForm,
    IncomingForm,
    ReferralForm,
)
from yorisoi.referrals.models import IncomingReferral, ProvisionRecord, Referral


class ReferralCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = ReferralForm
    template_name = "referrals/referral_form.html"
    success_message = gettext_lazy("The referral has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case, "member": self.request.member}

    def get_initial(self):
        initial = super().get_initial()
        previous = Referral.objects.filter(case=self.case, pk=self.request.GET.get("again") or 0)
        if (earlier := previous.first()) is not None:
            initial.update(previous=earlier.pk, purpose=earlier.purpose, reason=earlier.reason)
        return initial

    def get_context_data(self, **kwargs):
        sharing = Consent.objects.filter(case=self.case, kind=ConsentKind.SHARING)
        return super().get_context_data(
            consents=sharing.in_force().select_related("agency"), **kwargs
        )

    def perform(self, form):
        try:
            return services.refer(actor=self.request.member, case=self.case, **form.cleaned_data)
        except ValidationError as error:
            # What the consent gate says goes at the top, where it is read first.
            if hasattr(error, "error_dict") and "items" in error.error_dict:
                raise ValidationError(error.error_dict["items"]) from error
            raise

    def get_success_url(self):
        return reverse("referrals:referral_detail", args=[self.object.pk])


class ReferralDetailView(ScopedDetailView):
    model = Referral
    template_name = "referrals/referral_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "agency", "consent", "council", "made_by__user")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            case=self.object.case,
            follow_up_form=FollowUpForm(),
            re_referrals=self.object.re_referrals.select_related("agency"),
            **kwargs,
        )


class FollowUpView(ScopedMixin, ServiceFormMixin, FormView):
    """Answer "did support start?" for a referral."""

    model = Referral
    form_class = FollowUpForm
    template_name = "referrals/follow_up_form.html"
    success_message = gettext_lazy("The follow-up has been recorded.")

    @cached_property
    def referral(self):
        return get_object_or_404(self.get_queryset().select_related("case"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(referral=self.referral, **kwargs)

    def perform(self, form):
        return services.record_follow_up(
            actor=self.request.member, referral=self.referral, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("referrals:referral_detail", args=[self.referral.pk])


class ReferralListView(TableMixin, ScopedListView):
    """All referrals out: where they went, and whether support started."""

    model = Referral
    filterset_class = ReferralFilterSet
    template_name = "referrals/referral_list.html"
    table = tables.REFERRALS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "agency", "made_by__user")
            .defer("disclosed")
        )


# Referrals received ------------------------------------------------------------------------


class IncomingCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    """A referral from an agency outside, recorded on the case it led to."""

    form_class = IncomingForm
    template_name = "referrals/incoming_form.html"
    success_message = gettext_lazy("The referral received has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def perform(self, form):
        return services.receive_referral(
            actor=self.request.member, case=self.case, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class IncomingListView(TableMixin, ScopedListView):
    model = IncomingReferral
    template_name = "referrals/incoming_list.html"
    table = tables.INCOMING

    def get_queryset(self):
        return super().get_queryset().select_related("case").defer("disclosed")


class IncomingDetailView(ScopedDetailView):
    model = IncomingReferral
    template_name = "referrals/incoming_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("case__person", "from_agency")

    def get_context_data(self, **kwargs):
        member = self.request.member
        return super().get_context_data(
            accept_form=AcceptForm(member=member),
            decline_form=DeclineForm(),
            **kwargs,
        )


class IncomingActionMixin(ScopedMixin):
    model = IncomingReferral
    action = Action.CHANGE

    @cached_property
    def incoming(self):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_action()
        return obj

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.incoming,
            accept_form=kwargs.pop("accept_form", AcceptForm(member=self.request.member)),
            decline_form=kwargs.pop("decline_form", DeclineForm()),
            **kwargs,
        )


class AcceptView(IncomingActionMixin, ServiceFormMixin, FormView):
    form_class = AcceptForm
    template_name = "referrals/incoming_detail.html"
    success_message = gettext_lazy("The referral is accepted and our case is open.")
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(accept_form=form))

    def perform(self, form):
        self.case = services.accept(
            actor=self.request.member, incoming=self.incoming, **form.cleaned_data
        )
        return self.case

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class DeclineView(IncomingActionMixin, ServiceFormMixin, FormView):
    form_class = DeclineForm
    template_name = "referrals/incoming_detail.html"
    success_message = gettext_lazy("The referral is declined; the referring organization sees why.")
    http_method_names = ["post"]

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(decline_form=form))

    def perform(self, form):
        return services.decline(
            actor=self.request.member, incoming=self.incoming, reason=form.cleaned_data["reason"]
        )

    def get_success_url(self):
        return reverse("referrals:incoming_detail", args=[self.incoming.pk])


class ConfirmConsentView(IncomingActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        services.confirm_consent(
            actor=request.member, incoming=self.incoming, on=timezone.localdate()
        )
        messages.success(request, _("The person's consent has been confirmed."))
        if self.incoming.case_id:
            return redirect("cases:case_detail", pk=self.incoming.case_id)
        return redirect("referrals:incoming_detail", pk=self.incoming.pk)


# The team around a case ---------------------------------------------------------------------


class TeamView(CaseChildMixin, TemplateView):
    """Everyone involved in the case, and the meetings and referrals that connect them."""

    template_name = "referrals/team.html"

    def get_context_data(self, **kwargs):
        from yorisoi.cases.models import HouseholdMember
        from yorisoi.meetings.models import CaseMeeting

        case = self.case
        return super().get_context_data(
            agencies=selectors.agencies_involved(case),
            supporters=HouseholdMember.objects.filter(household=case.household_id).order_by(
                "-is_key_person", "pk"
            ),
            meetings=CaseMeeting.objects.filter(case=case).prefetch_related(
                "attendees__staff__user"
            )[:20],
            referrals=Referral.objects.filter(case=case).select_related("agency")[:20],
            incoming=IncomingReferral.objects.filter(case=case)[:20],
            **kwargs,
        )


# Provision records (第三者提供の記録) ------------------------------------------------------


class ProvisionListView(TableMixin, ScopedListView):
    """Every provision of personal data to a third party, for supervisors to review."""

    model = ProvisionRecord
    filterset_class = ProvisionFilterSet
    template_name = "referrals/provision_list.html"
    table = tables.PROVISIONS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case", "person", "consent", "council", "recorded_by__user")
        )
