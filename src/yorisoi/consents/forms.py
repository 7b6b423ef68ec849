from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.models import Agency
from yorisoi.cases.models import HouseholdMember
from yorisoi.consents.models import Consent, InformationItem, SharingPurpose
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm


class ConsentForm(ModelForm):
    class Meta:
        model = Consent
        fields = [
            "kind",
            "given_by",
            "given_by_member",
            "given_on",
            "scope",
            "agency",
            "agency_category",
            "recipient",
            "purposes",
            "purpose",
            "items",
            "expires_on",
        ]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    purposes = forms.MultipleChoiceField(
        label=_("Purposes covered"),
        choices=SharingPurpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    items = forms.MultipleChoiceField(
        label=_("Information covered"),
        choices=InformationItem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these sections may go with a referral under this consent."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by_member"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        self.fields["given_on"].initial = timezone.localdate()
        self.fields["agency"].queryset = Agency.objects.usable_by(case.organization_id)
        self.fields["recipient"].label = _("Shared with (as explained to them)")
        self.fields["purpose"].label = _("Purpose in their words")


class WithdrawForm(forms.Form):
    withdrawn_on = JapaneseDateField(label=_("Withdrawn on"))
    note = forms.CharField(label=_("About the withdrawal"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()
