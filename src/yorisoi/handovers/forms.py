from django import forms
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.forms import StaffLabelMixin, staff_choices
from yorisoi.cases.models import Case
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.roles import CASE_STAFF
from yorisoi.handovers.choices import HandoverReason
from yorisoi.handovers.selectors import open_cases_of
from yorisoi.organizations.models import Membership


class HandoverDetailsForm(forms.Form):
    """What every handover states: why, when, and a word for the new worker."""

    reason = forms.ChoiceField(
        label=_("Why the case is handed over"),
        choices=HandoverReason.choices,
        widget=forms.RadioSelect,
    )
    handed_over_on = JapaneseDateField(label=_("Handed over on"))
    note = forms.CharField(
        label=_("Note for the new worker"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Anything the summary does not say: how the person and family feel about the "
            "change, a first visit planned together, …"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handed_over_on"].initial = timezone.localdate()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["on"] = data.pop("handed_over_on")
        return data


class HandoverForm(StaffLabelMixin, HandoverDetailsForm):
    to_staff = forms.ModelChoiceField(
        label=_("New primary worker"), queryset=Membership.objects.none()
    )

    def __init__(self, *args, member, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_staff(member, "to_staff")
        to_staff = self.fields["to_staff"]
        assert isinstance(to_staff, forms.ModelChoiceField)
        assert to_staff.queryset is not None  # limit_staff set it
        to_staff.queryset = to_staff.queryset.exclude(pk=case.primary_staff_id)
        self.order_fields(["to_staff", "reason", "handed_over_on", "note"])


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: first contact planned, questions for the previous worker."),
    )


def departing_staff_choices(member):
    """Case staff of the organization, active or not, with how many open cases they hold."""
    return (
        Membership.objects.for_member(member)
        .filter(role__in=CASE_STAFF)
        .select_related("user")
        .annotate(
            open_cases=Count("primary_cases", filter=Q(primary_cases__status__in=OPEN_STATUSES))
        )
    )


class ChooseDepartingForm(forms.Form):
    """First step of the bulk page: whose cases (a GET form)."""

    from_staff = forms.ModelChoiceField(
        label=_("Departing worker"), queryset=Membership.objects.none()
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_staff"].queryset = departing_staff_choices(member)
        self.fields["from_staff"].label_from_instance = self.label

    @staticmethod
    def label(membership) -> str:
        text = ngettext(
            "%(name)s — %(n)s open case", "%(name)s — %(n)s open cases", membership.open_cases
        ) % {"name": membership.user, "n": membership.open_cases}
        return text if membership.is_active else f"{text} ({_('no longer active')})"


class BulkHandoverForm(StaffLabelMixin, HandoverDetailsForm):
    from_staff = forms.ModelChoiceField(
        queryset=Membership.objects.none(), widget=forms.HiddenInput
    )
    to_staff = forms.ModelChoiceField(
        label=_("New primary worker"), queryset=Membership.objects.none()
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases to hand over"),
        queryset=Case.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each case gets its own handover summary."),
    )

    def __init__(self, *args, member, from_staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_staff"].queryset = Membership.objects.for_member(member)
        self.fields["from_staff"].initial = from_staff.pk
        self.limit_staff(member, "to_staff")
        self.fields["to_staff"].queryset = staff_choices(member).exclude(pk=from_staff.pk)
        self.case_rows = list(
            open_cases_of(from_staff).select_related("person").order_by("opened_on", "pk")
        )
        self.fields["cases"].queryset = open_cases_of(from_staff)
        self.fields["cases"].initial = [c.pk for c in self.case_rows]
        self.order_fields(["from_staff", "to_staff", "reason", "handed_over_on", "note", "cases"])

    def checked(self) -> set[str]:
        """The case ids ticked (all of them at first), as the page renders the checkboxes."""
        return {str(pk) for pk in (self["cases"].value() or [])}

    def service_fields(self) -> dict:
        data = super().service_fields()
        data["cases"] = list(data["cases"])
        return data
