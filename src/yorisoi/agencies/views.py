"""The agency directory (list, search, download, keep) and the support councils."""

from django.db.models import BooleanField, Case, ExpressionWrapper, IntegerField, Q, When
from django.urls import reverse
from django.utils.translation import gettext_lazy

from yorisoi.agencies import services, tables
from yorisoi.agencies.choices import AgencyCategory
from yorisoi.agencies.filtersets import AgencyFilterSet
from yorisoi.agencies.forms import AgencyForm, CouncilForm
from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core.navigation import may_open
from yorisoi.core.scoping import may
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)


class AgencyListView(TableMixin, ScopedListView):
    model = Agency
    filterset_class = AgencyFilterSet
    template_name = "agencies/agency_list.html"
    table = tables.AGENCIES
    export_limit = 10_000

    def get_queryset(self):
        # By category in the order of the list of categories, then by furigana.
        order = Case(
            *[When(category=value, then=i) for i, value in enumerate(AgencyCategory.values)],
            output_field=IntegerField(),
        )
        own = Q(organization_id=self.request.member.organization_id)
        return (
            super()
            .get_queryset()
            .select_related("organization")
            .annotate(own=ExpressionWrapper(own, output_field=BooleanField()))
            .order_by(order, "name_kana", "name")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_add=may(self.request.member, Agency, "add"),
            **kwargs,
        )


class AgencyDetailView(ScopedDetailView):
    model = Agency
    template_name = "agencies/agency_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organization", "linked_organization")

    def get_context_data(self, **kwargs):
        agency = self.object
        own = agency.organization_id == self.request.member.organization_id
        return super().get_context_data(
            own=own,
            may_change=own and may(self.request.member, Agency, "change"),
            # Councils only for those who may open them (a clerk keeps the directory, not councils).
            councils=agency.councils.filter(organization=self.request.member.organization_id)
            if own and may_open(self.request.member, "agencies:council_list")
            else [],
            **kwargs,
        )


class AgencyCreateView(ScopedCreateView):
    model = Agency
    form_class = AgencyForm
    template_name = "agencies/agency_form.html"
    success_message = gettext_lazy("The agency has been added to the directory.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.add_agency(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("agencies:agency_detail", args=[self.object.pk])


class AgencyUpdateView(ScopedUpdateView):
    model = Agency
    form_class = AgencyForm
    template_name = "agencies/agency_form.html"
    success_message = gettext_lazy("The agency has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_agency(
            actor=self.request.member,
            agency=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("agencies:agency_detail", args=[self.object.pk])


class CouncilListView(TableMixin, ScopedListView):
    model = SupportCouncil
    template_name = "agencies/council_list.html"
    table = tables.COUNCILS

    def get_queryset(self):
        return super().get_queryset().prefetch_related("members")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_add=may(self.request.member, SupportCouncil, "add"), **kwargs
        )


class CouncilDetailView(ScopedDetailView):
    model = SupportCouncil
    template_name = "agencies/council_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=self.object.members.all(),
            may_change=may(self.request.member, SupportCouncil, "change"),
            **kwargs,
        )


class CouncilCreateView(ScopedCreateView):
    model = SupportCouncil
    form_class = CouncilForm
    template_name = "agencies/council_form.html"
    success_message = gettext_lazy("The support council has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.constitute_council(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("agencies:council_detail", args=[self.object.pk])


class CouncilUpdateView(ScopedUpdateView):
    model = SupportCouncil
    form_class = CouncilForm
    template_name = "agencies/council_form.html"
    success_message = gettext_lazy("The support council has been saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.request.member}

    def perform(self, form):
        return services.change_council(
            actor=self.request.member,
            council=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_success_url(self):
        return reverse("agencies:council_detail", args=[self.object.pk])
