from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models import HouseholdMember
from yorisoi.consents.models import Consent
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
            "recipient",
            "purpose",
            "expires_on",
        ]
        widgets = {"scope": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by_member"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        self.fields["given_on"].initial = timezone.localdate()


class WithdrawForm(forms.Form):
    withdrawn_on = JapaneseDateField(label=_("Withdrawn on"))
    note = forms.CharField(label=_("About the withdrawal"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()
