"""The intake queue: record first contacts, match them to people already known, open cases."""

import django_filters
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.cases import closure, selectors, services, tables
from yorisoi.cases.choices import CaseStatus, InquiryChannel, InquiryStatus
from yorisoi.cases.forms import (
    InquiryAddToCaseForm,
    InquiryCloseForm,
    InquiryConvertForm,
    InquiryForm,
)
from yorisoi.cases.models import Inquiry
from yorisoi.core.dates import format_wareki
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    add_service_errors,
)


class InquiryFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=InquiryStatus.choices, empty_label=gettext_lazy("All")
    )
    channel = django_filters.ChoiceFilter(
        label=gettext_lazy("Channel"), choices=InquiryChannel.choices
    )

    class Meta:
        model = Inquiry
        fields = ["status", "channel"]


class InquiryListView(TableMixin, ScopedListView):
    model = Inquiry
    filterset_class = InquiryFilterSet
    template_name = "cases/inquiry_list.html"
    table = tables.INQUIRIES

    def get_queryset(self):
        queryset = super().get_queryset().select_related("case", "received_by__user")
        if "status" not in self.request.GET:  # the queue: waiting ones, oldest first
            return queryset.filter(status=InquiryStatus.WAITING).order_by("received_at")
        return queryset


class InquiryCreateView(ScopedCreateView):
    model = Inquiry
    form_class = InquiryForm
    template_name = "cases/inquiry_form.html"
    success_message = gettext_lazy("The inquiry is in the queue.")

    def perform(self, form):
        return services.record_inquiry(actor=self.request.member, **form.service_fields())

    def get_success_url(self):
        return reverse("cases:inquiry_detail", args=[self.object.pk])


class InquiryDetailView(ScopedDetailView):
    """The inquiry, people already known who may be the same person, and what to do with it."""

    model = Inquiry
    template_name = "cases/inquiry_detail.html"

    def candidates(self, inquiry):
        return list(
            selectors.matching_people(
                self.request.member,
                name=inquiry.person_name,
                name_kana=inquiry.person_name_kana,
                birth_date=inquiry.person_birth_date,
            )
        )

    @staticmethod
    def known_cases(candidates) -> list:
        """The candidates' cases, open ones first: adding to one comes before a new case."""
        cases = [c for p in candidates for c in p.cases.all()]
        return sorted(
            cases, key=lambda c: (c.status == CaseStatus.CLOSED, -c.opened_on.toordinal())
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        candidates = self.candidates(inquiry)
        known = self.known_cases(candidates)
        context.update(
            candidates=candidates,
            known_cases=known,
            has_open_case=any(c.status != CaseStatus.CLOSED for c in known),
            add_form=kwargs.get("add_form") or InquiryAddToCaseForm(cases=known),
            reopen_reason=_("Consulted again (inquiry of %(day)s)")
            % {"day": format_wareki(timezone.localtime(inquiry.received_at).date())},
            convert_form=kwargs.get("convert_form")
            or InquiryConvertForm(member=self.request.member, candidates=candidates),
            close_form=kwargs.get("close_form") or InquiryCloseForm(),
            waiting=inquiry.status == InquiryStatus.WAITING,
        )
        return context

    def add_to_case(self, request, inquiry):
        form = InquiryAddToCaseForm(request.POST, cases=self.known_cases(self.candidates(inquiry)))
        if form.is_valid():
            case = form.chosen_case()
            try:
                if case.status == CaseStatus.CLOSED:
                    closure.reopen_for_inquiry(
                        actor=request.member,
                        inquiry=inquiry,
                        case=case,
                        reason=form.cleaned_data["reason"],
                    )
                    done = _("Case %(number)s is open again, with this inquiry on it.")
                else:
                    services.add_inquiry_to_case(actor=request.member, inquiry=inquiry, case=case)
                    done = _("The inquiry has been added to case %(number)s.")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, done % {"number": case.number})
                return redirect("cases:case_detail", pk=case.pk)
        return self.render_to_response(self.get_context_data(add_form=form), status=400)

    def post(self, request, *args, **kwargs):
        self.object = inquiry = self.get_object()
        if inquiry.status != InquiryStatus.WAITING:
            messages.info(request, _("This inquiry has already been dealt with."))
            return redirect("cases:inquiry_detail", pk=inquiry.pk)
        if "close" in request.POST:
            form = InquiryCloseForm(request.POST)
            if form.is_valid():
                services.close_inquiry(
                    actor=request.member, inquiry=inquiry, note=form.cleaned_data["note"]
                )
                messages.success(request, _("The inquiry has been closed without a case."))
                return redirect("cases:inquiry_list")
            return self.render_to_response(self.get_context_data(close_form=form), status=400)
        if "add" in request.POST:
            return self.add_to_case(request, inquiry)
        form = InquiryConvertForm(
            request.POST, member=request.member, candidates=self.candidates(inquiry)
        )
        if form.is_valid():
            case = services.convert_inquiry(
                actor=request.member,
                inquiry=inquiry,
                opened_on=form.cleaned_data["opened_on"],
                person=form.chosen_person(),
                primary_staff=form.cleaned_data["primary_staff"],
            )
            messages.success(
                request, _("Case %(number)s has been opened.") % {"number": case.number}
            )
            return redirect("cases:intake", pk=case.pk)
        return self.render_to_response(self.get_context_data(convert_form=form), status=400)
