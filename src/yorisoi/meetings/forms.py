from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.cases.forms import StaffLabelMixin, staff_choices
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm
from yorisoi.meetings.models import CaseMeeting
from yorisoi.organizations.models import Membership

ACTION_ROWS = 4


class MeetingForm(StaffLabelMixin, ModelForm):
    staff: "forms.ModelMultipleChoiceField[Membership]" = forms.ModelMultipleChoiceField(
        label=_("Staff who took part"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=_("People from other agencies"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name / agency (e.g. 山田 / 保健所)."),
    )

    class Meta:
        model = CaseMeeting
        fields = [
            "held_on",
            "kind",
            "difficult_case_review",
            "matters",
            "support_policy",
            "policy_note",
        ]
        widgets = {
            "matters": forms.Textarea(attrs={"rows": 5}),
            "policy_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        self.limit_staff(member, "staff")
        self.fields["staff"].initial = [member.pk]
        self.order_fields(["held_on", "kind", "difficult_case_review", "staff", "others"])
        for i in range(ACTION_ROWS):
            self.fields[f"action_{i}_what"] = forms.CharField(
                label=_("What"), max_length=300, required=False
            )
            self.fields[f"action_{i}_owner"] = forms.ModelChoiceField(
                label=pgettext_lazy("meeting action", "Who"),
                queryset=staff_choices(member),
                required=False,
            )
            self.fields[f"action_{i}_owner"].label_from_instance = self.label_for_staff
            self.fields[f"action_{i}_due"] = JapaneseDateField(
                label=pgettext_lazy("meeting action", "By"), required=False
            )

    def main_fields(self):
        return [f for f in self.visible_fields() if not f.name.startswith("action_")]

    def action_rows(self):
        return [
            (self[f"action_{i}_what"], self[f"action_{i}_owner"], self[f"action_{i}_due"])
            for i in range(ACTION_ROWS)
        ]

    def clean_others(self):
        people = []
        for line in self.cleaned_data["others"].splitlines():
            if line.strip():
                name, _sep, agency = line.partition("/")
                people.append({"name": name.strip(), "agency": agency.strip()})
        return people

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("action_")}
        data["staff"] = list(data["staff"])
        data["actions"] = [
            {
                "what": self.cleaned_data[f"action_{i}_what"],
                "owner": self.cleaned_data[f"action_{i}_owner"],
                "due_on": self.cleaned_data[f"action_{i}_due"],
            }
            for i in range(ACTION_ROWS)
            if self.cleaned_data.get(f"action_{i}_what")
        ]
        return data
