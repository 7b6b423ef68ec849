from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import RiskItem, Urgency
from yorisoi.assessments.models import Assessment
from yorisoi.cases.models import HouseholdMember
from yorisoi.core.forms import ModelForm

TEXT_FIELDS = [
    "body_and_habits",
    "mind_and_feelings",
    "social_environment",
    "family_relations",
    "strengths_and_interests",
    "person_wishes",
    "family_wishes",
    "urgency_reason",
]


class AssessmentForm(ModelForm):
    """The assessment sheet; each risk item is a checkbox with a note of what was seen."""

    SECTIONS = [
        (
            _("The three aspects"),
            ["assessed_on", "body_and_habits", "mind_and_feelings", "social_environment"],
        ),
        (_("Family"), ["family_relations", "key_person"]),
        (_("The person"), ["strengths_and_interests", "person_wishes", "family_wishes"]),
    ]

    class Meta:
        model = Assessment
        fields = [
            "assessed_on",
            "body_and_habits",
            "mind_and_feelings",
            "social_environment",
            "family_relations",
            "key_person",
            "strengths_and_interests",
            "person_wishes",
            "family_wishes",
            "urgency",
            "urgency_reason",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in TEXT_FIELDS}

    def __init__(self, *args, case, previous=None, **kwargs):
        if previous is not None and not kwargs.get("data") and not args:
            # A new assessment starts from the last one; the worker changes what has changed.
            kwargs["initial"] = {
                **{
                    name: getattr(previous, name)
                    for name in self._meta.fields
                    if name != "assessed_on"
                },
                "key_person": previous.key_person_id,
                **{f"risk_{f.item}": True for f in previous.risks.all()},
                **{f"risk_{f.item}_note": f.note for f in previous.risks.all()},
            }
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = timezone.localdate()
        self.fields["key_person"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        self.fields["urgency"].widget = forms.RadioSelect(choices=Urgency.choices)
        for item in RiskItem:
            self.fields[f"risk_{item}"] = forms.BooleanField(label=item.label, required=False)
            self.fields[f"risk_{item}_note"] = forms.CharField(
                label=_("What was seen or heard"), max_length=500, required=False
            )

    def sections(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def risk_rows(self):
        return [(self[f"risk_{item}"], self[f"risk_{item}_note"]) for item in RiskItem]

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("risk_")}
        data["risks"] = {
            item.value: self.cleaned_data.get(f"risk_{item}_note", "")
            for item in RiskItem
            if self.cleaned_data.get(f"risk_{item}")
        }
        return data


class UrgencyForm(forms.Form):
    level = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Clearing or lowering the urgency needs a note of what changed."),
    )
