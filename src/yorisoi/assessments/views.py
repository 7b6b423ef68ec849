"""Assessment pages: the sheet with its risk screen, the history, and the urgency."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from yorisoi.assessments import services
from yorisoi.assessments.forms import AssessmentForm, PreInterviewForm, UrgencyForm
from yorisoi.assessments.models import Assessment, PreInterview, UrgencyChange
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.views import ScopedDetailView, ServiceFormMixin


class AssessmentCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = AssessmentForm
    template_name = "assessments/assessment_form.html"
    success_message = gettext_lazy("The assessment has been saved.")

    def get_form_kwargs(self):
        previous = Assessment.objects.filter(case=self.case).prefetch_related("risks").first()
        return {**super().get_form_kwargs(), "case": self.case, "previous": previous}

    def perform(self, form):
        return services.record_assessment(
            actor=self.request.member, case=self.case, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class AssessmentHistoryView(CaseChildMixin, TemplateView):
    """Every assessment of the case and the urgency over time."""

    template_name = "assessments/history.html"

    def get_context_data(self, **kwargs):
        recorder.record(
            AuditAction.LIST,
            model=Assessment,
            organization_id=self.case.organization_id,
            detail={"case": self.case.number},
        )
        return super().get_context_data(
            assessments=Assessment.objects.filter(case=self.case)
            .select_related("assessed_by__user", "key_person")
            .prefetch_related("risks"),
            urgency_history=UrgencyChange.objects.filter(case=self.case).select_related(
                "changed_by__user"
            ),
            **kwargs,
        )


class AssessmentDetailView(ScopedDetailView):
    model = Assessment
    template_name = "assessments/assessment_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "assessed_by__user", "key_person")
            .prefetch_related("risks")
        )


class AssessmentPrintView(AssessmentDetailView):
    template_name = "assessments/assessment_print.html"


class UrgencyChangeView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = UrgencyForm
    template_name = "assessments/urgency_form.html"
    success_message = gettext_lazy("The urgency has been recorded.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(current=services.current_urgency(self.case), **kwargs)

    def perform(self, form):
        return services.change_urgency(
            actor=self.request.member, case=self.case, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class PreInterviewCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    """Record a pre-interview (事前面接) before the first meeting with the person."""

    form_class = PreInterviewForm
    template_name = "assessments/pre_interview_form.html"
    success_message = gettext_lazy("The pre-interview has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def perform(self, form):
        return services.record_pre_interview(
            actor=self.request.member, case=self.case, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("assessments:pre_interview_detail", args=[self.object.pk])


class PreInterviewDetailView(ScopedDetailView):
    model = PreInterview
    template_name = "assessments/pre_interview_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "held_by__user")
            .prefetch_related("with_members")
        )


class PreInterviewPrintView(PreInterviewDetailView):
    template_name = "assessments/pre_interview_print.html"
