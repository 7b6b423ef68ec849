"""Support plan pages: a new version, the plan to print and share, reviews."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from yorisoi.cases.views.closure import DecisionView
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedDetailView, ScopedListView, ScopedMixin, ServiceFormMixin
from yorisoi.plans import services, tables
from yorisoi.plans.filtersets import SupportPlanFilterSet
from yorisoi.plans.forms import PlanForm, ReviewForm
from yorisoi.plans.models import PlanReview, SupportPlan


class PlanCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = PlanForm
    template_name = "plans/plan_form.html"
    success_message = gettext_lazy("The plan has been saved as a new version.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "previous": services.latest_plan(self.case)}

    def get_context_data(self, **kwargs):
        review = PlanReview.objects.filter(plan__case=self.case).first()
        return super().get_context_data(latest_review=review, **kwargs)

    def perform(self, form):
        review = PlanReview.objects.filter(plan__case=self.case).first()
        return services.make_plan(
            actor=self.request.member,
            case=self.case,
            based_on_review=review,
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("plans:plan_detail", args=[self.object.pk])


class PlanListView(TableMixin, ScopedListView):
    """Every plan version of the organization's cases, newest first."""

    model = SupportPlan
    filterset_class = SupportPlanFilterSet
    template_name = "generic/table_list.html"
    table = tables.PLANS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "made_by__user")
            .order_by("-made_on", "-pk")
        )


class PlanDetailView(ScopedDetailView):
    model = SupportPlan
    template_name = "plans/plan_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "made_by__user", "based_on_review")
            .prefetch_related("goals", "reviews__reviewed_by__user")
        )

    def get_context_data(self, **kwargs):
        versions = SupportPlan.objects.filter(case=self.object.case).only("pk", "number", "made_on")
        return super().get_context_data(versions=versions, **kwargs)


class PlanPrintView(PlanDetailView):
    template_name = "plans/plan_print.html"


class PlanReviewView(ScopedMixin, ServiceFormMixin, FormView):
    model = SupportPlan
    form_class = ReviewForm
    template_name = "plans/review_form.html"
    success_message = gettext_lazy(
        "The review has been recorded. The next version can start from it."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and getattr(request, "member", None) is not None:
            self.plan = get_object_or_404(
                self.get_queryset().select_related("case"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def perform(self, form):
        return services.review_plan(actor=self.request.member, plan=self.plan, **form.cleaned_data)

    def get_success_url(self):
        return reverse("plans:plan_add", args=[self.plan.case_id])


class DecidePlanView(DecisionView):
    """Approve or return a new plan version."""

    model = SupportPlan
    service = staticmethod(services.decide_plan)
    service_arg = "plan"
    back = ("plans:plan_detail", "pk")
