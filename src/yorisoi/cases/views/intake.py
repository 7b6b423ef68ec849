"""The intake sheet of a case."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from yorisoi.cases import services
from yorisoi.cases.forms import IntakeForm
from yorisoi.cases.models import Intake
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.views import ServiceFormMixin


class IntakeView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = IntakeForm
    template_name = "cases/intake_form.html"
    success_message = gettext_lazy("The intake sheet has been saved.")

    def inquiry(self):
        """The inquiry the case was opened from (the first one, if it came in several times)."""
        if not hasattr(self, "_inquiry"):
            self._inquiry = self.case.inquiries.order_by("received_at", "pk").first()
        return self._inquiry

    def get_form_kwargs(self):
        intake = Intake.objects.filter(case=self.case).first()
        if intake is not None and self.request.method == "GET":
            recorder.record_view(intake)
        kwargs = {**super().get_form_kwargs(), "instance": intake}
        inquiry = self.inquiry()
        if intake is None and inquiry is not None:
            # A new sheet starts from what the caller already said (相談したいこと).
            kwargs["initial"] = {**kwargs.get("initial", {}), "wishes": inquiry.about}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(inquiry=self.inquiry(), person=self.case.person, **kwargs)

    def perform(self, form):
        return services.save_intake(
            actor=self.request.member,
            case=self.case,
            expected_version=form.cleaned_data.get("version"),
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])
