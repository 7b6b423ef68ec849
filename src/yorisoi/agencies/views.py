"""The agency directory (list, search, export, keep) and the support councils."""

from django.db.models import Case, IntegerField, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from yorisoi.agencies import services
from yorisoi.agencies.choices import AgencyCategory
from yorisoi.agencies.filtersets import AgencyFilterSet
from yorisoi.agencies.forms import AgencyForm, CouncilForm
from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.scoping import may
from yorisoi.core.views import (
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from yorisoi.core.xlsx import workbook_bytes, xlsx_response


class AgencyListView(ScopedListView):
    model = Agency
    filterset_class = AgencyFilterSet
    template_name = "agencies/agency_list.html"

    def get_queryset(self):
        # By category in the order of the list of categories, then by furigana.
        order = Case(
            *[When(category=value, then=i) for i, value in enumerate(AgencyCategory.values)],
            output_field=IntegerField(),
        )
        return (
            super()
            .get_queryset()
            .select_related("organization")
            .order_by(order, "name_kana", "name")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            may_add=may(self.request.member, Agency, "add"),
            query=self.request.GET.urlencode(),
            **kwargs,
        )


class AgencyExportView(AgencyListView):
    """The directory, as filtered, to .xlsx."""

    paginate_by = None

    def render_to_response(self, context, **kwargs):
        agencies = list(self.get_queryset()[:10_000])
        own = self.request.member.organization_id
        headers = [
            _("Category"),
            pgettext("agency", "Name"),
            _("Furigana"),
            _("Area"),
            _("Address"),
            _("Phone"),
            _("E-mail"),
            _("Website"),
            _("Contact person"),
            _("Opening hours"),
            _("What they offer"),
            _("Notes"),
            _("Kept by"),
        ]
        rows = [
            (
                a.get_category_display(),
                a.name,
                a.name_kana,
                a.area,
                a.address,
                a.phone,
                a.email,
                a.website,
                a.contact_person,
                a.hours,
                a.offers,
                a.notes if a.organization_id == own else "",  # notes stay with their keeper
                a.organization.name,
            )
            for a in agencies
        ]
        recorder.record(
            AuditAction.EXPORT,
            model=Agency,
            detail={"rows": len(rows), "query": self.request.GET.urlencode()},
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return xlsx_response(f"agencies-{stamp}.xlsx", workbook_bytes(_("Agencies"), headers, rows))

    def get_context_data(self, **kwargs):
        return {}


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
            councils=agency.councils.filter(organization=self.request.member.organization_id)
            if own
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


class CouncilListView(ScopedListView):
    model = SupportCouncil
    template_name = "agencies/council_list.html"

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
