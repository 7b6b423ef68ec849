"""Recording and editing evaluations, and a case's evaluation history on screen and on A4."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from yorisoi.cases.choices import CaseStatus
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.roles import Action
from yorisoi.core.views import ScopedUpdateView, ServiceFormMixin
from yorisoi.evaluations import history, selectors, services
from yorisoi.evaluations.choices import Timing
from yorisoi.evaluations.forms import EvaluationForm
from yorisoi.evaluations.models import Evaluation, InstrumentVersion


class EvaluationFormMixin:
    """What recording and editing share: the form of the version, service errors on fields."""

    template_name: str | None = "evaluations/evaluation_form.html"

    def get_success_url(self):
        return reverse("evaluations:case_history", args=[self.object.case_id])


def _suggested_timing(case, today) -> str:
    """A first evaluation is the first interview's; in March to May it is likely a year-end one."""
    if case.status == CaseStatus.CLOSED:
        return Timing.CLOSING
    if not Evaluation.objects.filter(case=case).exists():
        return Timing.FIRST_INTERVIEW
    return Timing.FISCAL_YEAR_END if today.month in (3, 4, 5) else Timing.AD_HOC


class EvaluationCreateView(EvaluationFormMixin, CaseChildMixin, ServiceFormMixin, FormView):
    """Record an evaluation of a case with the instrument chosen in ``?instrument=<code>``."""

    form_class = EvaluationForm
    success_message = gettext_lazy("The evaluation has been recorded.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.member is not None:
            self.case  # noqa: B018 - a case outside the member's scope is a 404 before anything
            if not Evaluation.access_policy.allows(request.member, Action.ADD):
                raise PermissionDenied
            self.instruments = list(selectors.instruments_for(request.member))
            self.instrument = self._chosen_instrument()
            self.version = self.instrument and selectors.current_version(self.instrument)
        return super().dispatch(request, *args, **kwargs)

    def _chosen_instrument(self):
        code = self.request.GET.get("instrument")
        if code:
            instrument = selectors.instrument_by_code(self.request.member, code)
            if instrument is None or not instrument.is_active:
                raise Http404
            return instrument
        return selectors.default_instrument(self.case, self.instruments)

    def get_form(self, form_class=None):
        return super().get_form(form_class) if self.version is not None else None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["initial"] = {"timing": _suggested_timing(self.case, timezone.localdate())}
        return {**kwargs, "member": self.request.member, "case": self.case, "version": self.version}

    def post(self, request, *args, **kwargs):
        if self.version is None:
            raise Http404
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            instruments=self.instruments, instrument=self.instrument, version=self.version, **kwargs
        )

    def perform(self, form):
        return services.record_evaluation(
            actor=self.request.member,
            case=self.case,
            instrument_version=self.version,
            scores=form.scores(),
            **form.service_fields(),
        )


class EvaluationUpdateView(EvaluationFormMixin, ScopedUpdateView):
    """Correct an evaluation; it keeps the instrument version it was made with."""

    form_class = EvaluationForm
    model = Evaluation
    success_message = gettext_lazy("The evaluation has been saved.")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "instrument_version__instrument")
            .prefetch_related("scores")
        )

    def get_form_kwargs(self):
        version = selectors.with_items(
            InstrumentVersion.objects.filter(pk=self.object.instrument_version_id)
        ).get()
        return {
            **super().get_form_kwargs(),
            "member": self.request.member,
            "case": self.object.case,
            "version": version,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            case=self.object.case,
            instrument=self.object.instrument_version.instrument,
            version=self.object.instrument_version,
            **kwargs,
        )

    def perform(self, form):
        return services.change_evaluation(
            actor=self.request.member,
            evaluation=self.object,
            expected_version=form.cleaned_data["version"],
            scores=form.scores(),
            **form.service_fields(),
        )


class CaseHistoryView(CaseChildMixin, TemplateView):
    """Every evaluation of a case: a table per instrument and the journey charts."""

    template_name = "evaluations/case_history.html"
    chart_key = "history"

    def get_context_data(self, **kwargs):
        evaluations = list(selectors.evaluations_of(self.case))
        recorder.record_list(
            Evaluation,
            count=len(evaluations),
            values={"case": self.case.pk, "view": self.chart_key},
        )
        return super().get_context_data(
            histories=history.build(evaluations, key=self.chart_key),
            evaluations=sorted(evaluations, key=lambda e: (e.rated_on, e.pk), reverse=True),
            can_add=Evaluation.access_policy.allows(self.request.member, Action.ADD),
            **kwargs,
        )


class CaseHistoryPrintView(CaseHistoryView):
    """The evaluation history on A4, to keep on file or go through with the person or family."""

    template_name = "evaluations/print_history.html"
    chart_key = "print"

    def get_context_data(self, **kwargs):
        return super().get_context_data(printed_on=timezone.localdate(), **kwargs)
