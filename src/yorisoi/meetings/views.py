"""Recording a case meeting and marking its actions done."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedDetailView, ScopedListView, ScopedMixin, ServiceFormMixin
from yorisoi.meetings import services, tables
from yorisoi.meetings.filtersets import MeetingListFilterSet
from yorisoi.meetings.forms import MeetingForm
from yorisoi.meetings.models import CaseMeeting, MeetingAction


class MeetingCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = MeetingForm
    template_name = "meetings/meeting_form.html"
    success_message = gettext_lazy("The case meeting has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.hold_meeting(
            actor=self.request.member, case=self.case, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class MeetingListView(TableMixin, ScopedListView):
    """Every case meeting of the organization, newest first."""

    model = CaseMeeting
    filterset_class = MeetingListFilterSet
    template_name = "generic/table_list.html"
    table = tables.MEETINGS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "recorded_by__user")
            .order_by("-held_on", "-pk")
        )


class MeetingDetailView(ScopedDetailView):
    model = CaseMeeting
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("case__person", "recorded_by__user")
            .prefetch_related("attendees__staff__user", "actions__owner__user")
        )


class ActionDoneView(ScopedMixin, View):
    """Mark a meeting action done (today)."""

    model = MeetingAction

    def post(self, request, pk):
        action = get_object_or_404(self.get_queryset().select_related("meeting"), pk=pk)
        services.complete_action(actor=request.member, action=action, done_on=timezone.localdate())
        messages.success(request, _("The action is marked done."))
        return redirect("meetings:meeting_detail", pk=action.meeting_id)
