from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.cases.forms import StaffLabelMixin, staff_choices
from yorisoi.consents.models import InformationItem
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm
from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership
from yorisoi.referrals.choices import Basis, SupportStarted
from yorisoi.referrals.models import IncomingReferral, Referral


class ReferralForm(ModelForm):
    items = forms.MultipleChoiceField(
        label=_("Information to send"),
        choices=InformationItem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to refer without personal information."),
    )
    basis = forms.ChoiceField(
        label=_("Ground for sending personal information"),
        choices=[
            (Basis.CONSENT, _("The person's consent (checked against the consents on record)")),
            (Basis.COUNCIL, _("Sharing within a support council")),
        ],
        initial=Basis.CONSENT,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Referral
        fields = [
            "agency",
            "referred_on",
            "purpose",
            "channel",
            "reason",
            "items",
            "basis",
            "council",
            "emergency_reason",
            "previous",
        ]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 4}),
            "emergency_reason": forms.Textarea(attrs={"rows": 3}),
            "previous": forms.HiddenInput,
        }
        help_texts = {
            "emergency_reason": _(
                "Only for the emergency exception: why life or body is at risk and why the "
                "person's consent cannot be obtained."
            ),
        }

    def __init__(self, *args, case, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.usable_by(case.organization_id)
        self.fields["council"].queryset = SupportCouncil.objects.for_member(member).filter(
            ended_on__isnull=True
        )
        self.fields["previous"].queryset = Referral.objects.filter(case=case)
        self.fields["referred_on"].initial = timezone.localdate()
        if member.role == Role.SUPERVISOR:
            self.fields["basis"].choices = [
                *self.fields["basis"].choices,
                (Basis.EMERGENCY, _("Emergency: protect life or body (supervisors only)")),
            ]
        else:
            del self.fields["emergency_reason"]


class FollowUpForm(forms.Form):
    support_started = forms.ChoiceField(
        label=_("Did support start?"), choices=SupportStarted.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("What you heard"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    on = JapaneseDateField(label=_("Asked on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class IncomingForm(ModelForm):
    class Meta:
        model = IncomingReferral
        fields = [
            "received_on",
            "from_agency",
            "from_name",
            "from_person",
            "what_they_said",
            "sender_consent",
        ]
        widgets = {
            "what_they_said": forms.Textarea(attrs={"rows": 4}),
            "sender_consent": forms.RadioSelect,
        }
        help_texts = {"from_name": _("If the agency is not in the directory.")}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_agency"].queryset = Agency.objects.usable_by(case.organization_id)
        self.fields["from_name"].required = False
        self.fields["received_on"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if not data.get("from_agency") and not data.get("from_name"):
            self.add_error("from_name", _("Choose the agency or write its name."))
        return data


class AcceptForm(StaffLabelMixin, forms.Form):
    opened_on = JapaneseDateField(label=_("Open our case on"))
    primary_staff: "forms.ModelChoiceField[Membership]" = forms.ModelChoiceField(
        label=_("Primary worker"), queryset=None
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_on"].initial = timezone.localdate()
        self.limit_staff(member, "primary_staff")
        self.fields["primary_staff"].initial = member.pk
        self.fields["primary_staff"].queryset = staff_choices(member)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why we cannot take it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The referring organization sees this answer."),
    )
