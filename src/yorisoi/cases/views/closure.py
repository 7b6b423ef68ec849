"""Closing and reopening a case; follow-up check-ins."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from yorisoi.cases import closure
from yorisoi.cases.choices import CloseReason
from yorisoi.cases.models import ClosureRequest, FollowUp
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


class _CaseForm:
    """Closing and reopening: the form starts from the case's version and today."""

    def get_initial(self):
        return {"version": self.case.version, "closed_on": timezone.localdate()}

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class CloseCaseView(CaseChildMixin, _CaseForm, ServiceFormMixin, FormView):
    form_class = CloseForm
    template_name = "cases/close_form.html"

    @property
    def success_message(self):
        if isinstance(getattr(self, "object", None), ClosureRequest):
            return _("Closing is waiting for a supervisor's approval.")
        return _("The case has been closed. Please record the closing evaluation.")

    def perform(self, form):
        data = dict(form.cleaned_data)
        return closure.close_or_request(
            actor=self.request.member, case=self.case, expected_version=data.pop("version"), **data
        )

    def get_success_url(self):
        if isinstance(self.object, ClosureRequest):  # waits for a supervisor: back to the case
            return reverse("cases:case_detail", args=[self.case.pk])
        return reverse("evaluations:evaluation_add", args=[self.case.pk])  # the closing evaluation


class ReopenCaseView(CaseChildMixin, _CaseForm, ServiceFormMixin, FormView):
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


class DecisionView(ScopedMixin, View):
    """A supervisor's approve-or-return button: the decision, then back to where it was made.

    Subclasses name the ``service`` (taking actor, ``service_arg``=record, approve, comment)
    and ``back``: the URL name and the record's attribute that gives its argument.
    """

    http_method_names = ["post"]
    service: Callable[..., object] | None = None
    service_arg = ""
    back = ("", "pk")

    def post(self, request, pk):
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            self.service(
                actor=request.member,
                approve="approve" in request.POST,
                comment=request.POST.get("comment", ""),
                **{self.service_arg: obj},
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision is recorded."))
        url_name, attribute = self.back
        return redirect(url_name, getattr(obj, attribute))


class DecideClosureView(DecisionView):
    """Approve (the case closes) or return a request to close a case."""

    model = ClosureRequest
    service = staticmethod(closure.decide_closure)
    service_arg = "request"
    back = ("cases:case_detail", "case_id")
