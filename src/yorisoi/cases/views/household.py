"""Household members of a case: added from the case, edited on their own page."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy

from yorisoi.cases import services
from yorisoi.cases.forms import HouseholdMemberForm
from yorisoi.cases.models import HouseholdMember
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core.views import ScopedCreateView, ScopedUpdateView


class HouseholdMemberAddView(CaseChildMixin, ScopedCreateView):
    form_class = HouseholdMemberForm
    template_name = "cases/household_member_form.html"
    success_message = gettext_lazy("The household member has been added.")

    def check_action(self):
        """Adding a member is allowed to whoever may add household members."""
        if not HouseholdMember.access_policy.allows(self.request.member, "add"):
            raise PermissionDenied

    def perform(self, form):
        household = self.case.household
        if household is None:
            household = services.attach_household(actor=self.request.member, case=self.case)
        return services.add_household_member(
            actor=self.request.member, household=household, **form.service_fields()
        )

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class HouseholdMemberUpdateView(ScopedUpdateView):
    model = HouseholdMember
    form_class = HouseholdMemberForm
    template_name = "cases/household_member_form.html"
    success_message = gettext_lazy("The household member has been saved.")

    def perform(self, form):
        return services.change_household_member(
            actor=self.request.member,
            member=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.object.household.cases.first(), **kwargs)

    def get_success_url(self):
        case = self.object.household.cases.first()
        return reverse("cases:case_detail", args=[case.pk]) if case else reverse("cases:case_list")
