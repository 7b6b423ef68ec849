"""Pages for the organization's settings and its staff."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django_otp.plugins.otp_totp.models import TOTPDevice

from yorisoi.core.roles import Action
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import (
    MemberRequiredMixin,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ScopedUpdateView,
)
from yorisoi.organizations import services, tables
from yorisoi.organizations.filtersets import MembershipFilterSet
from yorisoi.organizations.forms import OrganizationForm, StaffChangeForm, StaffCreateForm
from yorisoi.organizations.middleware import SESSION_KEY
from yorisoi.organizations.models import Membership, Organization
from yorisoi.organizations.selectors import active_memberships


class SwitchOrganizationView(MemberRequiredMixin, View):
    """Act in another organization the user belongs to."""

    def post(self, request):
        target = get_object_or_404(
            active_memberships(request.user), organization_id=request.POST.get("organization")
        )
        request.session[SESSION_KEY] = target.organization_id
        messages.success(
            request, _("You are now working in %(name)s.") % {"name": target.organization}
        )
        return redirect("core:home")


class OrganizationSettingsView(ScopedUpdateView):
    model = Organization
    form_class = OrganizationForm
    template_name = "organizations/organization_form.html"
    success_message = gettext_lazy("The organization's settings have been saved.")

    def get_object(self, queryset=None):
        self.kwargs["pk"] = self.request.member.organization_id
        return super().get_object(queryset)

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.change_organization(
            actor=self.request.member,
            organization=self.object,
            expected_version=form.cleaned_data["version"],
            **data,
        )

    def get_success_url(self):
        return reverse("organizations:settings")


class StaffListView(TableMixin, ScopedListView):
    model = Membership
    filterset_class = MembershipFilterSet
    template_name = "organizations/staff_list.html"
    table = tables.STAFF

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("user")
            .order_by("-is_active", "user__full_name_kana", "user__username")
        )


class StaffDetailView(ScopedDetailView):
    model = Membership
    template_name = "organizations/staff_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("user", "organization")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["has_device"] = TOTPDevice.objects.devices_for_user(
            self.object.user, confirmed=True
        ).exists()
        return context


class StaffCreateView(ScopedCreateView):
    model = Membership
    form_class = StaffCreateForm
    template_name = "organizations/staff_form.html"
    success_message = gettext_lazy("The staff member has been added.")

    def perform(self, form):
        return services.add_staff(actor=self.request.member, **form.cleaned_data)

    def get_success_url(self):
        return reverse("organizations:staff_detail", args=[self.object.pk])


class StaffUpdateView(ScopedUpdateView):
    model = Membership
    form_class = StaffChangeForm
    template_name = "organizations/staff_form.html"
    success_message = gettext_lazy("The staff member's role has been saved.")

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.change_staff(
            actor=self.request.member,
            membership=self.object,
            expected_version=form.cleaned_data["version"],
            **data,
        )

    def get_success_url(self):
        return reverse("organizations:staff_detail", args=[self.object.pk])


class StaffResetTwoFactorView(ScopedMixin, View):
    """Remove a staff member's authenticator (lost phone); they register a new one at login."""

    model = Membership
    action = Action.CHANGE

    def post(self, request, pk):
        membership = get_object_or_404(self.get_queryset().select_related("user"), pk=pk)
        self.check_action()
        try:
            services.reset_two_factor(actor=request.member, membership=membership)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return redirect("organizations:staff_detail", pk=pk)
        messages.success(
            request,
            _("The authenticator has been removed. A new one is registered at the next sign-in."),
        )
        return redirect("organizations:staff_detail", pk=pk)
