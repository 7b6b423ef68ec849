"""Recording contacts on a case, editing them with history, searching notes, exporting."""

from django import forms
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.contacts import services
from yorisoi.contacts.forms import ContactRecordForm
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import recorder, search
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.pagination import CappedPaginator
from yorisoi.core.recorder import AuditAction
from yorisoi.core.views import ScopedDetailView, ScopedListView, ScopedUpdateView, ServiceFormMixin
from yorisoi.core.xlsx import workbook_bytes, xlsx_response


class ContactCreateView(CaseChildMixin, ServiceFormMixin, FormView):
    form_class = ContactRecordForm
    template_name = "contacts/contact_form.html"
    success_message = gettext_lazy("The contact record has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member, "case": self.case}

    def perform(self, form):
        return services.record_contact(
            actor=self.request.member, case=self.case, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class ContactUpdateView(ScopedUpdateView):
    model = ContactRecord
    form_class = ContactRecordForm
    template_name = "contacts/contact_form.html"
    success_message = gettext_lazy(
        "The contact record has been saved; the earlier version is kept."
    )

    def get_queryset(self):
        return super().get_queryset().select_related("case__household")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "member": self.request.member,
            "case": self.object.case,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.object.case, **kwargs)

    def perform(self, form):
        data = form.service_fields()
        return services.edit_contact(
            actor=self.request.member,
            contact=self.object,
            expected_version=form.cleaned_data["version"],
            **data,
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.object.case_id])


class ContactHistoryView(ScopedDetailView):
    """A contact record and every earlier version of it."""

    model = ContactRecord
    template_name = "contacts/contact_history.html"

    def get_queryset(self):
        return (
            super().get_queryset().select_related("case", "recorded_by__user", "updated_by__user")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=self.object.versions.select_related("saved_by__user"),
            case=self.object.case,
            **kwargs,
        )


class ContactSearchView(ScopedListView):
    """Find contact records by words in their notes (one- and two-character words too)."""

    model = ContactRecord
    template_name = "contacts/contact_search.html"
    paginate_by = 30

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()
        queryset = super().get_queryset()
        if not self.query:
            return queryset.none()
        matches = search.matching(queryset, self.query)
        with search.search_transaction():
            self.frequent = connection.vendor == "postgresql" and search.is_frequent(matches)
        if self.frequent:  # newest first by reading notes, not by fetching every match
            matches = search.scanning(queryset, self.query)
        return matches.select_related("case__person").order_by("-occurred_at", "-pk")

    def get_paginator(self, queryset, *args, **kwargs):
        return CappedPaginator(
            queryset, *args, known_many=getattr(self, "frequent", False), **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        with search.search_transaction():
            paginator, page, _rows, more = super().paginate_queryset(queryset, page_size)
            page.object_list = list(page.object_list)
        return paginator, page, page.object_list, more

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


class CaseContactExportView(CaseChildMixin, ListView):
    """All of a case's contact records, oldest first, to .xlsx."""

    def get_queryset(self):
        return (
            ContactRecord.objects.filter(case=self.case)
            .prefetch_related("staff__user", "with_members")
            .order_by("occurred_at")
        )

    def render_to_response(self, context, **kwargs):
        contacts = list(self.get_queryset())
        headers = [
            _("Date and time"),
            _("Minutes"),
            _("How"),
            _("Staff"),
            _("With"),
            _("Who was reached"),
            _("How it went"),
            _("What happened"),
            _("Next action"),
            _("Next action by"),
        ]
        rows = [
            (
                timezone.localtime(c.occurred_at),
                c.duration_minutes,
                c.get_channel_display(),
                "、".join(str(s.user) for s in c.staff.all()),
                "、".join(
                    filter(
                        None,
                        [
                            _("the person") if c.with_person else "",
                            *(str(m) for m in c.with_members.all()),
                            c.with_agencies,
                        ],
                    )
                ),
                c.get_reached_display(),
                c.get_outcome_display(),
                c.summary,
                c.next_action,
                c.next_action_on,
            )
            for c in contacts
        ]
        recorder.record(AuditAction.EXPORT, self.case, detail={"contacts": len(rows)})
        return xlsx_response(
            f"contacts-{self.case.number}.xlsx", workbook_bytes(_("Contact records"), headers, rows)
        )


class PeriodForm(forms.Form):
    start = JapaneseDateField(label=gettext_lazy("From"), required=False)
    end = JapaneseDateField(label=gettext_lazy("Until"), required=False)


class SupportRecordView(CaseChildMixin, TemplateView):
    """Contact records of a case for a date range, as the support record to print."""

    template_name = "contacts/print_support_record.html"

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or None)
        contacts = (
            ContactRecord.objects.filter(case=self.case)
            .prefetch_related("staff__user", "with_members")
            .order_by("occurred_at")
        )
        start = end = None
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            if start:
                contacts = contacts.filter(occurred_at__date__gte=start)
            if end:
                contacts = contacts.filter(occurred_at__date__lte=end)
        recorder.record(
            AuditAction.VIEW,
            self.case,
            detail={"print": "support_record", "from": str(start or ""), "until": str(end or "")},
        )
        return super().get_context_data(
            period_form=form,
            contacts=list(contacts),
            start=start,
            end=end,
            printed_on=timezone.localdate(),
            **kwargs,
        )
