import datetime
import re
import unicodedata

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import FirstConsulter
from yorisoi.cases.models import Case, HouseholdMember, Inquiry, Intake, Person
from yorisoi.cases.models.intake import DAILY_LIFE_ITEMS
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm, VersionedModelForm
from yorisoi.organizations.models import Membership


class AgeAsToldField(forms.IntegerField):
    """An age as the caller said it: 28, ２８, 「28歳」 or 28才 all read as 28."""

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s*(歳|才|さい)\s*$", "", unicodedata.normalize("NFKC", value).strip())
        return super().to_python(value)


def staff_choices(member):
    """Active staff of the member's organization who work on cases."""
    return (
        Membership.objects.for_member(member)
        .filter(is_active=True, role__in=["caseworker", "supervisor"])
        .select_related("user")
    )


class StaffLabelMixin:
    """Staff are shown by name, not as 'name (organization)'."""

    def label_for_staff(self, membership):
        return str(membership.user)

    def limit_staff(self, member, *names):
        for name in names:
            field = self.fields[name]
            field.queryset = staff_choices(member)
            field.label_from_instance = self.label_for_staff


PERSON_FORM_FIELDS = [
    "name",
    "name_kana",
    "nickname",
    "sex",
    "birth_date",
    "age_band",
    "age_told",
    "age_told_on",
    "municipality",
    "area",
    "address",
    "phone",
    "email",
]


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = PERSON_FORM_FIELDS
        field_classes = {"age_told": AgeAsToldField}
        widgets = {"age_told": forms.TextInput(attrs={"inputmode": "numeric", "size": 6})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("age_told") is not None and not cleaned.get("age_told_on"):
            cleaned["age_told_on"] = timezone.localdate()  # told now, unless said otherwise
        return cleaned


HANDOVER_HELP = _(
    "To change the primary worker, use “Hand over” on the case page: the new worker gets a "
    "summary to start from."
)


def offer_recorded_consulters(form, name: str = "first_consulter") -> None:
    """「記録なし（取り込み）」 comes only from a ledger: a form keeps it for a record that has
    it, and never offers it otherwise."""
    field = form.fields[name]
    kept = getattr(form.instance, name) if form.instance.pk else None
    field.choices = [
        (value, label)
        for value, label in field.choices
        if value != FirstConsulter.NOT_RECORDED or value == kept
    ]


class CaseForm(StaffLabelMixin, VersionedModelForm):
    class Meta:
        model = Case
        fields = [
            "status",
            "stage",
            "person_contact",
            "primary_staff",
            "secondary_staff",
            "first_consulter",
            "first_consulter_member",
            "first_channel",
            "referral_route",
            "referral_source",
            "opened_on",
            "closed_on",
            "close_reason",
            "summary",
            "what_helps",
            "what_to_avoid",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "what_helps": forms.Textarea(attrs={"rows": 3}),
            "what_to_avoid": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_staff(member, "primary_staff", "secondary_staff")
        offer_recorded_consulters(self)
        self.fields["first_consulter_member"].queryset = HouseholdMember.objects.filter(
            household=self.instance.household_id
        )
        if self.instance.primary_staff_id:
            # A new primary worker gets a handover summary: that goes through 引継ぎ.
            self.fields["primary_staff"].disabled = True
            self.fields["primary_staff"].help_text = HANDOVER_HELP


class CaseOpenForm(StaffLabelMixin, ModelForm):
    """A new case: who consulted, and what is known of the person (it may be very little)."""

    class Meta:
        model = Case
        fields = [
            "opened_on",
            "first_consulter",
            "first_channel",
            "referral_route",
            "referral_source",
            "primary_staff",
            "secondary_staff",
            "summary",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_staff(member, "primary_staff", "secondary_staff")
        offer_recorded_consulters(self)
        self.fields["opened_on"].initial = timezone.localdate()
        self.fields["primary_staff"].initial = member.pk


class NewPersonForm(ModelForm):
    class Meta:
        model = Person
        fields = PERSON_FORM_FIELDS
        prefix = "person"


class HouseholdMemberForm(VersionedModelForm):
    class Meta:
        model = HouseholdMember
        fields = [
            "relation",
            "name",
            "name_kana",
            "lives_with_person",
            "age_band",
            "health_or_care_needs",
            "is_key_person",
            "phone",
            "is_emergency_contact",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False


class InquiryForm(ModelForm):
    received_on = JapaneseDateField(label=_("Received on"))
    received_time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = Inquiry
        fields = [
            "channel",
            "caller_name",
            "caller_relation",
            "caller_phone",
            "caller_email",
            "preferred_contact",
            "preferred_time",
            "about",
            "referred_by",
            "person_name",
            "person_name_kana",
            "person_sex",
            "person_birth_date",
            "person_age",
            "person_age_band",
            "person_municipality",
        ]
        field_classes = {"person_age": AgeAsToldField}
        widgets = {
            "about": forms.Textarea(attrs={"rows": 5}),
            "person_age": forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_recorded_consulters(self, "caller_relation")
        now = timezone.localtime()
        self.fields["received_on"].initial = now.date()
        self.fields["received_time"].initial = now.strftime("%H:%M")
        self.order_fields(["received_on", "received_time"])

    def service_fields(self) -> dict:
        data = {
            k: v for k, v in self.cleaned_data.items() if k not in {"received_on", "received_time"}
        }
        data["received_at"] = timezone.make_aware(
            datetime.datetime.combine(
                self.cleaned_data["received_on"], self.cleaned_data["received_time"]
            )
        )
        return data


class InquiryConvertForm(StaffLabelMixin, forms.Form):
    opened_on = JapaneseDateField(label=_("Open the case on"))
    person = forms.TypedChoiceField(
        label=_("The person"),
        coerce=int,
        widget=forms.RadioSelect,
        required=False,
        empty_value=None,
    )
    primary_staff = forms.ModelChoiceField(
        label=_("Primary worker"), queryset=Membership.objects.none()
    )

    NEW = 0  # the choice "a new person": explicit, so a known caller is never new by default

    def __init__(self, *args, member, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_on"].initial = timezone.localdate()
        self.candidates = {p.pk: p for p in candidates}
        self.fields["person"].choices = [(p.pk, p.display_name) for p in candidates] + [
            (self.NEW, _("A new person (none of these)"))
        ]
        if candidates:  # someone may already be known: choosing is required, nothing preset
            self.fields["person"].required = True
            self.fields["person"].help_text = _(
                "Choose who the inquiry is about. If one of them has a case, adding the inquiry "
                "to it (above) keeps one record for one person."
            )
        else:
            self.fields["person"].widget = forms.HiddenInput()
            self.fields["person"].initial = self.NEW
        self.limit_staff(member, "primary_staff")
        self.fields["primary_staff"].initial = member.pk

    def chosen_person(self):
        return self.candidates.get(self.cleaned_data.get("person"))


class InquiryAddToCaseForm(forms.Form):
    """Add the inquiry to a known person's case (opening it again when it was closed)."""

    case = forms.TypedChoiceField(coerce=int, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why the case is opened again"), max_length=500, required=False
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = {c.pk: c for c in cases}
        self.fields["case"].choices = [(pk, c.number) for pk, c in self.cases.items()]

    def clean(self):
        cleaned = super().clean()
        case = self.chosen_case()
        if case is not None and case.status == "closed" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Write why the case is opened again."))
        return cleaned

    def chosen_case(self):
        return self.cases.get(self.cleaned_data.get("case"))


class InquiryCloseForm(forms.Form):
    note = forms.CharField(
        label=_("Why no case is opened"),
        max_length=500,
        help_text=_("For example: advice only, referred to another agency, wrong number."),
    )


class IntakeForm(VersionedModelForm):
    SECTIONS = [
        (_("Why now"), ["taken_on", "wishes", "trigger"]),
        (_("The withdrawal"), ["onset_age", "duration", "onset_story", "current_state"]),
        (
            _("School and work"),
            [
                "school_non_attendance",
                "school_non_attendance_note",
                "education",
                "work_history",
                "work_history_note",
            ],
        ),
        (
            _("Daily life now"),
            [name for item, _label in DAILY_LIFE_ITEMS for name in (item, f"{item}_note")]
            + ["going_out", "going_out_note", "behaviours_of_concern"],
        ),
        (_("Background"), ["developmental_history", "medical_history", "consultation_history"]),
    ]

    class Meta:
        model = Intake
        exclude = ["organization", "case", "taken_by", "version"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in [
                "wishes",
                "trigger",
                "onset_story",
                "current_state",
                "behaviours_of_concern",
                "developmental_history",
                "medical_history",
                "consultation_history",
            ]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["version"].required = False
            self.fields["taken_on"].initial = timezone.localdate()

    def sections(self):
        """(legend, bound fields) for each part of the sheet, in the order of the paper form."""
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]
