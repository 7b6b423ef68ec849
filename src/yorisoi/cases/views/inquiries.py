"""The intake queue: record first contacts, match them to people already known, open cases."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.cases import selectors, services
from yorisoi.cases.choices import InquiryChannel, InquiryStatus
from yorisoi.cases.forms import InquiryCloseForm, InquiryConvertForm, InquiryForm
from yorisoi.cases.models import Inquiry
from yorisoi.core.views import ScopedCreateView, ScopedDetailView, ScopedListView


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


class InquiryListView(ScopedListView):
    model = Inquiry
    filterset_class = InquiryFilterSet
    template_name = "cases/inquiry_list.html"

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.object
        candidates = self.candidates(inquiry)
        context.update(
            candidates=candidates,
            convert_form=kwargs.get("convert_form")
            or InquiryConvertForm(member=self.request.member, candidates=candidates),
            close_form=kwargs.get("close_form") or InquiryCloseForm(),
            waiting=inquiry.status == InquiryStatus.WAITING,
        )
        return context

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
