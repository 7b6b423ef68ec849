"""Closing and reopening a case; follow-up check-ins."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from yorisoi.cases import closure
from yorisoi.cases.choices import CloseReason
from yorisoi.cases.models import FollowUp
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.views import ScopedMixin, ServiceFormMixin


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    closed_on = JapaneseDateField(label=_("Closed on"))
    close_reason = forms.ChoiceField(
        label=_("Reason for closing"), choices=CloseReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up_agreed_by = forms.ChoiceField(
        label=_("Loose follow-up agreed by"),
        required=False,
        choices=[("", _("No follow-up")), ("person", _("The person")), ("family", _("The family"))],
        help_text=_(
            "Gentle check-ins after closing, only if the person or family would like them."
        ),
    )
    follow_up_weeks = forms.IntegerField(
        label=_("Check in every (weeks)"), required=False, min_value=1, max_value=104
    )
    follow_up_note = forms.CharField(label=_("How to get in touch"), max_length=300, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_up_agreed_by") and not cleaned.get("follow_up_weeks"):
            self.add_error("follow_up_weeks", _("How often should we check in?"))
        return cleaned


class ReasonForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))


class _ServiceErrors:
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
            return self.form_invalid(form)

    def get_initial(self):
        return {"version": self.case.version, "closed_on": timezone.localdate()}

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class CloseCaseView(CaseChildMixin, _ServiceErrors, ServiceFormMixin, FormView):
    form_class = CloseForm
    template_name = "cases/close_form.html"
    success_message = _("The case has been closed. Please record the closing evaluation.")

    def get_success_url(self):
        return reverse("evaluations:evaluation_add", args=[self.case.pk])  # the closing evaluation

    def perform(self, form):
        data = dict(form.cleaned_data)
        return closure.close_case(
            actor=self.request.member, case=self.case, expected_version=data.pop("version"), **data
        )


class ReopenCaseView(CaseChildMixin, _ServiceErrors, ServiceFormMixin, FormView):
    form_class = ReasonForm
    template_name = "cases/reopen_form.html"
    success_message = _("The case is open again.")

    def perform(self, form):
        return closure.reopen_case(
            actor=self.request.member,
            case=self.case,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )


class CheckInView(ScopedMixin, ServiceFormMixin, FormView):
    model = FollowUp
    form_class = forms.Form
    http_method_names = ["post"]
    success_message = _("The check-in is recorded; the next one is scheduled.")

    def post(self, request, pk):
        self.follow_up = get_object_or_404(self.get_queryset().select_related("case"), pk=pk)
        return self.form_valid(self.get_form())

    def perform(self, form):
        return closure.check_in(
            actor=self.request.member,
            follow_up=self.follow_up,
            on=timezone.localdate(),
            note=self.request.POST.get("note", ""),
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.follow_up.case_id])
