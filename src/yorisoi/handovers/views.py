"""Handing a case over, reading and acknowledging a handover, printing it, bulk reassignment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView

from yorisoi.cases.models import Case
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.roles import Role
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    MemberRequiredMixin,
    ScopedDetailView,
    ScopedListView,
    ServiceFormMixin,
)
from yorisoi.handovers import services, tables
from yorisoi.handovers.filtersets import HandoverFilterSet
from yorisoi.handovers.forms import (
    AcknowledgeForm,
    BulkHandoverForm,
    ChooseDepartingForm,
    HandoverForm,
    departing_staff_choices,
)
from yorisoi.handovers.models import Handover
from yorisoi.handovers.summary import build_summary, filled_sections

# What the page calls each section of the summary, for the checklist before handing over.
SECTION_LABELS = {
    "milestones": gettext_lazy("The story so far"),
    "plan": gettext_lazy("The current plan and its goals"),
    "people": gettext_lazy("Key persons and relations"),
    "risks": gettext_lazy("Risks and their history"),
    "consents": gettext_lazy("Consents in force"),
    "agencies": gettext_lazy("Agencies involved"),
    "what_helps": gettext_lazy("What has helped"),
    "what_to_avoid": gettext_lazy("What to avoid"),
    "open_actions": gettext_lazy("Open actions"),
}


class HandoverCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    """Hand the case to a new primary worker; the page shows what the summary will hold."""

    form_class = HandoverForm
    template_name = "handovers/handover_form.html"
    success_message = gettext_lazy(
        "The case has been handed over. The new worker is asked to read and acknowledge it."
    )

    def get(self, request, *args, **kwargs):
        recorder.record_view(self.case)  # the checklist is built from the whole record
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member, "case": self.case}

    def get_context_data(self, **kwargs):
        filled = filled_sections(build_summary(self.case))
        checklist = [(SECTION_LABELS[name], is_filled) for name, is_filled in filled.items()]
        return super().get_context_data(checklist=checklist, **kwargs)

    def perform(self, form):
        return services.hand_over(
            actor=self.request.member, case=self.case, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("handovers:handover_detail", args=[self.object.pk])


class HandoverDetailView(ScopedDetailView):
    """The handover and its summary; the new worker acknowledges it here (POST)."""

    model = Handover
    template_name = "handovers/handover_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(
                "case__person",
                "from_staff__user",
                "to_staff__user",
                "made_by__user",
                "acknowledged_by__user",
                "superseded_by",
            )
        )

    def get_context_data(self, **kwargs):
        handover = self.object
        kwargs.setdefault("acknowledge_form", AcknowledgeForm())
        return super().get_context_data(
            s=handover.summary,
            built_at=parse_datetime(handover.summary.get("built_at") or ""),
            may_acknowledge=handover.is_pending and handover.to_staff_id == self.request.member.pk,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = AcknowledgeForm(request.POST)
        if not form.is_valid():
            context = self.get_context_data(object=self.object, acknowledge_form=form)
            return self.render_to_response(context, status=400)
        try:
            services.acknowledge(
                actor=request.member, handover=self.object, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. The handover is acknowledged."))
        return redirect("handovers:handover_detail", pk=self.object.pk)


class HandoverPrintView(HandoverDetailView):
    """The handover summary on A4."""

    template_name = "handovers/handover_print.html"
    http_method_names = ["get", "head", "options"]


class HandoverListView(TableMixin, ScopedListView):
    model = Handover
    filterset_class = HandoverFilterSet
    template_name = "handovers/handover_list.html"
    table = tables.HANDOVERS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "from_staff__user", "to_staff__user")
            .defer("summary")
            .order_by("-handed_over_on", "-pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_supervisor=self.request.member.role == Role.SUPERVISOR, **kwargs
        )


class BulkHandoverView(MemberRequiredMixin, ServiceFormMixin, FormView):
    """A supervisor hands a departing worker's open cases to another worker, each summarized."""

    model = Handover
    form_class = BulkHandoverForm
    template_name = "handovers/bulk.html"

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def departing(self):
        """The worker chosen (GET ?from_staff= or the POSTed hidden field), else None."""
        raw = self.request.POST.get("from_staff") or self.request.GET.get("from_staff")
        if not raw or not str(raw).isdigit():
            return None
        return get_object_or_404(departing_staff_choices(self.request.member), pk=raw)

    def get(self, request, *args, **kwargs):
        self.from_staff = self.departing()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.from_staff = self.departing()
        if self.from_staff is None:
            return redirect("handovers:bulk")
        return super().post(request, *args, **kwargs)

    def get_form(self, form_class=None):
        if self.from_staff is None:
            return None
        return super().get_form(form_class)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "member": self.request.member,
            "from_staff": self.from_staff,
        }

    def get_context_data(self, **kwargs):
        choose = ChooseDepartingForm(
            {"from_staff": self.from_staff.pk} if self.from_staff else None,
            member=self.request.member,
        )
        context = super().get_context_data(choose_form=choose, from_staff=self.from_staff, **kwargs)
        form = context.get("form")
        if form is not None:
            recorder.record_list(
                Case, count=len(form.case_rows), values={"from_staff": self.from_staff.pk}
            )
        return context

    def perform(self, form):
        self.handovers = services.bulk_hand_over(actor=self.request.member, **form.service_fields())
        return self.handovers

    @property
    def success_message(self):
        n = len(getattr(self, "handovers", []))
        return ngettext(
            "%(n)s case has been handed over, each with its own summary.",
            "%(n)s cases have been handed over, each with its own summary.",
            n,
        ) % {"n": n}

    def get_success_url(self):
        to_staff = self.handovers[0].to_staff_id
        return f"{reverse('handovers:handover_list')}?pending=true&to_staff={to_staff}"
