from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import (
    HeardFrom,
    PersonKnows,
    RiskItem,
    Suitability,
    Urgency,
    WishesStatus,
)
from yorisoi.assessments.models import Assessment, PreInterview
from yorisoi.cases.models import HouseholdMember
from yorisoi.contacts.choices import Channel
from yorisoi.core.forms import ModelForm

TEXT_FIELDS = [
    "body_and_habits",
    "mind_and_feelings",
    "social_environment",
    "family_relations",
    "strengths_and_interests",
    "person_wishes",
    "family_wishes",
    "family_strain",
    "urgency_reason",
]


def wishes_fields(form, status: str, heard: str) -> None:
    """The status of the person's wishes as a required choice, how they were heard as radios."""
    form.fields[status] = forms.ChoiceField(
        label=form.fields[status].label,
        choices=WishesStatus.choices,
        widget=forms.RadioSelect,
        initial=form.fields[status].initial,
        error_messages={"required": _("Choose where the person's wishes stand.")},
        help_text=_("“Not clear yet” and “Not heard yet” are answers too: an empty field is not."),
    )
    form.fields[heard] = forms.ChoiceField(
        label=form.fields[heard].label,
        choices=[("", _("None (when not heard yet)")), *HeardFrom.choices],
        widget=forms.RadioSelect,
        required=False,
        initial=form.fields[heard].initial,
    )


class AssessmentForm(ModelForm):
    """The assessment sheet; each risk item is a checkbox with a note of what was seen."""

    SECTIONS = [
        (
            _("The three aspects"),
            ["assessed_on", "body_and_habits", "mind_and_feelings", "social_environment"],
        ),
        (_("Family"), ["family_relations", "key_person"]),
        (
            _("The family's own strain"),
            ["family_worn_out", "family_impatient", "family_torn", "family_strain"],
        ),
        (
            _("The person"),
            [
                "strengths_and_interests",
                "person_wishes_status",
                "person_wishes_heard",
                "person_wishes",
                "family_wishes",
            ],
        ),
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
            "person_wishes_status",
            "person_wishes_heard",
            "family_wishes",
            "family_worn_out",
            "family_impatient",
            "family_torn",
            "family_strain",
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
        wishes_fields(self, "person_wishes_status", "person_wishes_heard")
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


class PreInterviewForm(ModelForm):
    """The pre-interview (事前面接): with whom, what was explained, what was agreed about the
    first meeting with the person, and whether support goes on here."""

    CHANNELS = (Channel.PHONE, Channel.OFFICE, Channel.HOME_VISIT, Channel.ONLINE, Channel.OTHER)
    SECTIONS = [
        (
            _("The pre-interview"),
            ["held_on", "channel", "with_person", "with_members", "situation"],
        ),
        (
            _("What was explained"),
            [
                "explained_support",
                "explained_costs",
                "explained_accidents",
                "explained_stopping",
                "explained_privacy",
            ],
        ),
        (
            _("The first meeting with the person"),
            ["person_knows", "meeting_on", "meeting_place", "meeting_with", "agreed"],
        ),
        (_("What happens next"), ["suitability", "suitability_note"]),
    ]

    class Meta:
        model = PreInterview
        fields = [
            "held_on",
            "channel",
            "with_person",
            "with_members",
            "situation",
            "explained_support",
            "explained_costs",
            "explained_accidents",
            "explained_stopping",
            "explained_privacy",
            "person_knows",
            "meeting_on",
            "meeting_place",
            "meeting_with",
            "agreed",
            "suitability",
            "suitability_note",
        ]
        widgets = {
            "with_members": forms.CheckboxSelectMultiple,
            "person_knows": forms.RadioSelect,
            "meeting_place": forms.RadioSelect,
            "suitability": forms.RadioSelect,
            "situation": forms.Textarea(attrs={"rows": 3}),
            "agreed": forms.Textarea(attrs={"rows": 4}),
            "suitability_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        self.fields["held_on"].label = _("Date of the pre-interview")
        self.fields["channel"].choices = [
            (value, label) for value, label in Channel.choices if value in self.CHANNELS
        ]
        self.fields["with_members"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        # Radios without the empty "---------" choice: each needs an answer.
        self.fields["person_knows"].choices = PersonKnows.choices
        self.fields["suitability"].choices = Suitability.choices
        self.fields["suitability"].label = _("Decision on support")
        self.fields["agreed"].error_messages["required"] = _(
            "Write what was agreed about the first meeting."
        )
        self.fields["person_knows"].error_messages["required"] = _(
            "Choose whether the person knows about the meeting."
        )

    def sections(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def service_fields(self) -> dict:
        return {**self.cleaned_data, "with_members": list(self.cleaned_data["with_members"])}
