"""Recording contacts on a case, editing them with history, searching notes, exporting."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.db import connection
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from yorisoi.cases.models import Case
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.contacts import services, tables
from yorisoi.contacts.forms import ContactRecordForm
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import recorder, search
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.pagination import CappedPaginator
from yorisoi.core.recorder import AuditAction
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    ServiceFormMixin,
    request_member,
)

# Note search grouped by case counts the newest this many matches (a common word has more).
GROUP_LIMIT = search.FREQUENT


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


@dataclass(frozen=True)
class CaseMatches:
    """One case in note search grouped by case: how many of its records match, the latest."""

    case: Case
    matches: int
    last_at: datetime.datetime
    records_url: str


class ContactSearchView(TableMixin, ScopedListView):
    """Find contact records by words in their notes (one- and two-character words too).

    ``?group=case`` lists the cases instead, each with its number of matching records (from
    the newest GROUP_LIMIT matches: a common word's whole history would be slow to count);
    ``?case=<id>`` keeps to one case's records. Either view downloads with ``?format=xlsx``.
    """

    model = ContactRecord
    template_name = "contacts/contact_search.html"
    paginate_by = 30

    @cached_property
    def grouped(self) -> bool:
        return self.request.GET.get("group") == "case"

    @property
    def table(self):
        return tables.NOTE_CASES if self.grouped else tables.NOTE_MATCHES

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()
        queryset = super().get_queryset()
        case = self.request.GET.get("case", "")
        if case.isdigit():
            queryset = queryset.filter(case_id=int(case))
        if not self.query:
            return queryset.none()
        matches = search.matching(queryset, self.query)
        postgresql = connection.vendor == "postgresql"
        frequent = False
        if postgresql or self.grouped:
            with search.search_transaction():
                frequent = search.is_frequent(matches)  # counted once, for both uses
        self.frequent = postgresql and frequent
        if self.grouped:
            self.beyond_limit = frequent
        if self.frequent:  # newest first by reading notes, not by fetching every match
            matches = search.scanning(queryset, self.query)
        matches = matches.order_by("-occurred_at", "-pk")
        if self.grouped:
            newest = matches.values("pk")[:GROUP_LIMIT]
            return (
                ContactRecord.objects.filter(pk__in=newest)
                .values("case_id")
                .annotate(matches=Count("pk"), last_at=Max("occurred_at"))
                .order_by("-last_at", "-case_id")
            )
        return matches.select_related("case__person")

    def get_paginator(self, queryset, *args, **kwargs):
        known_many = getattr(self, "frequent", False) and not self.grouped
        return CappedPaginator(queryset, *args, known_many=known_many, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        with search.search_transaction():
            paginator, page, _rows, more = super().paginate_queryset(queryset, page_size)
            page.object_list = self.rows(page.object_list)
        return paginator, page, page.object_list, more

    def rows(self, found) -> list:
        """The records, or for the grouped view each case with its matches (one more query)."""
        found = list(found)
        if not self.grouped:
            return found
        cases = Case.objects.for_member(request_member(self.request)).select_related(
            "person", "primary_staff__user"
        )
        by_id = cases.in_bulk([g["case_id"] for g in found])
        flat = self.request.GET.copy()
        for name in ("group", "page", "format"):
            flat.pop(name, None)
        rows = []
        for group in found:
            case = by_id.get(group["case_id"])
            if case is None:
                continue
            flat["case"] = str(case.pk)
            rows.append(
                CaseMatches(case, group["matches"], group["last_at"], f"?{flat.urlencode()}")
            )
        return rows

    def export_objects(self):
        queryset = self.get_queryset()[: self.export_limit]
        if not self.grouped:
            queryset = queryset.prefetch_related("staff__user", "with_members")
        with search.search_transaction():
            return self.rows(queryset)

    def get_context_data(self, **kwargs):
        views = self.request.GET.copy()
        views.pop("page", None)
        views.pop("group", None)
        flat_query = views.urlencode()
        views.pop("case", None)
        views["group"] = "case"
        return super().get_context_data(
            query=self.query,
            grouped=self.grouped,
            flat_query=flat_query,
            grouped_query=views.urlencode(),
            one_case=self.request.GET.get("case", "").isdigit(),
            beyond_limit=getattr(self, "beyond_limit", False),
            group_limit=GROUP_LIMIT,
            **kwargs,
        )


class CaseContactExportView(CaseChildMixin, TableMixin, View):
    """All of a case's contact records, oldest first, to .xlsx (the case page links here)."""

    table = tables.CASE_CONTACTS
    export_only = True

    def export_objects(self):
        return (
            ContactRecord.objects.filter(case=self.case)
            .prefetch_related("staff__user", "with_members")
            .order_by("occurred_at", "pk")
        )

    def export_detail(self):
        return {"case": self.case.pk}

    def export_filename(self):
        return f"contacts-{self.case.number}.xlsx"


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
