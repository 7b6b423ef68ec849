"""The case list, the case page, opening and changing a case."""

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from yorisoi.cases import extensions, selectors, services, tables
from yorisoi.cases.filtersets import CaseFilterSet
from yorisoi.cases.forms import CaseForm, CaseOpenForm, NewPersonForm, PersonForm
from yorisoi.cases.models import Case
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder, search
from yorisoi.core.pagination import CappedPaginator
from yorisoi.core.roles import Action
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedCreateView, ScopedListView, ScopedUpdateView

# What the case list and its download show: loading only these keeps a page of 50 cheap.
LIST_COLUMNS = [
    "organization_id",
    "number",
    "status",
    "stage",
    "person_contact",
    "first_consulter",
    "opened_on",
    "age_band_at_opening",
    "referral_route",
    "closed_on",
    "close_reason",
    "person__name",
    "person__name_kana",
    "person__nickname",
    "person__sex",
    "person__municipality",
    "primary_staff__user__full_name",
    "primary_staff__user__username",
    "secondary_staff__user__full_name",
    "secondary_staff__user__username",
]


class CaseListView(TableMixin, ScopedListView):
    model = Case
    filterset_class = CaseFilterSet
    template_name = "cases/case_list.html"
    paginate_by = 50
    table = tables.CASES

    def get_queryset(self):
        self.filterset = CaseFilterSet(
            self.request.GET or None,
            queryset=selectors.cases_for(self.request.member),
            request=self.request,
        )
        return self.filterset.qs.order_by("-opened_on", "-pk").only(*LIST_COLUMNS)

    def get_paginator(self, queryset, *args, **kwargs):
        # With note words the matches can be many; count them only up to a limit.
        if self.request.GET.get("notes"):
            return CappedPaginator(queryset, *args, **kwargs)
        return super().get_paginator(queryset, *args, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        with search.search_transaction():  # note search runs with its own work_mem
            paginator, page, _rows, more = super().paginate_queryset(queryset, page_size)
            page.object_list = list(page.object_list)
        return paginator, page, page.object_list, more

    def export_objects(self):
        with search.search_transaction():
            return list(super().export_objects())


TIMELINE_PAGE = 30


class CaseDetailView(CaseChildMixin, TemplateView):
    """The case page: header facts, consents in force, a quick contact form, the timeline."""

    template_name = "cases/case_detail.html"

    def get(self, request, *args, **kwargs):
        recorder.record_view(self.case)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        case = self.case
        known = {kind.key: kind.label for kind in extensions.timeline_kinds()}
        kinds = [k for k in self.request.GET.getlist("kind") if k in known]
        before = parse_datetime(self.request.GET.get("before", "").replace(" ", "+"))
        page = selectors.case_page(
            case, self.request.member, kinds=kinds or None, before=before, limit=TIMELINE_PAGE
        )
        members = page.found["cases.household_members"]
        return super().get_context_data(
            members=members,
            key_people=[m for m in members if m.is_key_person],
            timeline=page.timeline,
            older=page.timeline[-1].at.isoformat() if len(page.timeline) == TIMELINE_PAGE else None,
            timeline_kinds=known,
            side_panels=page.panels["side"],
            main_panels=page.panels["main"],
            banners=page.panels["banner"],
            chosen_kinds=kinds,
            intake_done=bool(page.found["cases.intake"]),
            follow_ups=page.found["cases.follow_ups"],
            **kwargs,
        )


class CaseOpenView(ScopedCreateView):
    """Open a case directly (a walk-in or a call taken straight to a case)."""

    model = Case
    form_class = CaseOpenForm
    template_name = "cases/case_open.html"
    success_message = gettext_lazy("The case has been opened.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("person_form", NewPersonForm(self.request.POST or None, prefix="person"))
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        person_form = NewPersonForm(request.POST, prefix="person")
        if form.is_valid() and person_form.is_valid():
            self.person_data = person_form.cleaned_data
            return self.form_valid(form)
        return self.render_to_response(self.get_context_data(form=form, person_form=person_form))

    def perform(self, form):
        return services.open_case(
            actor=self.request.member, person_data=self.person_data, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.object.pk])


class CaseUpdateView(ScopedUpdateView):
    model = Case
    form_class = CaseForm
    template_name = "cases/case_form.html"
    success_message = gettext_lazy("The case has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_case(
            actor=self.request.member,
            case=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.object.pk])


class PersonUpdateView(CaseChildMixin, ScopedUpdateView):
    """The person's details, reached from their case."""

    model = Case
    form_class = PersonForm
    template_name = "cases/person_form.html"
    success_message = gettext_lazy("The person's details have been saved.")
    action = Action.VIEW  # the case is only the way in; the service checks the change

    def get_object(self, queryset=None):
        if self.request.method == "GET":
            recorder.record_view(self.case.person)
        return self.case.person

    def perform(self, form):
        return services.change_person(
            actor=self.request.member,
            person=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])
