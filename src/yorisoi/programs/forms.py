import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.agencies.models import Agency
from yorisoi.cases.choices import Relation
from yorisoi.core.dates import parse_date
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm, VersionedModelForm
from yorisoi.organizations.models import Membership
from yorisoi.programs.choices import Mode, ParticipantKind, ProgramKind
from yorisoi.programs.models import Program, ProgramSchedule, ProgramSession
from yorisoi.programs.services import PROGRAM_FIELDS

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

# Ground rules offered for a new program (seed 004: decided in advance, shared with everyone,
# what is said there stays there; online, face and voice are each one's choice).
GROUND_RULES = _(
    "What is said here stays here.\n"
    "Nobody has to talk; listening is taking part.\n"
    "We do not ask each other for names or contact details.\n"
    "Come and leave when you like."
)
ONLINE_RULES = _(
    "Camera and microphone are your choice: you may take part by chat only.\n"
    "Do not record, photograph or share the screen."
)


class ProgramForm(VersionedModelForm[Program]):
    class Meta:
        model = Program
        fields = [*PROGRAM_FIELDS, "co_organizers", "team"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "access_notes": forms.Textarea(attrs={"rows": 2}),
            "online_joining": forms.Textarea(attrs={"rows": 2}),
            "ground_rules": forms.Textarea(attrs={"rows": 5}),
            "co_organizers": forms.CheckboxSelectMultiple,
            "team": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_organizers"].queryset = Agency.objects.usable_by(member.organization_id)
        self.fields["team"].queryset = Membership.objects.filter(
            organization=member.organization_id, is_active=True
        ).select_related("user")
        if not self.instance.pk:
            del self.fields["version"]
            self.initial.setdefault("ground_rules", f"{GROUND_RULES}\n{ONLINE_RULES}")
            self.initial.setdefault("kind", ProgramKind.IBASHO)


def _dates(text: str) -> list[str]:
    """Days typed one a line or separated by commas, in any form parse_date reads."""
    days = []
    for part in text.replace("、", ",").replace("\n", ",").split(","):
        if part.strip():
            try:
                days.append(parse_date(part.strip()).isoformat())
            except ValueError as error:
                raise forms.ValidationError(str(error)) from error
    return sorted(set(days))


class ScheduleForm(ModelForm[ProgramSchedule]):
    skip_text = forms.CharField(
        label=_("Days without a session"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line or separated by commas, e.g. 令和7年12月29日, 2026-01-05."),
    )
    through = JapaneseDateField(
        label=_("Make sessions through"),
        required=False,
        help_text=_("Empty: about three months ahead."),
    )

    class Meta:
        model = ProgramSchedule
        fields = [
            "frequency",
            "weekday",
            "nth",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "first_on",
            "last_on",
        ]
        widgets = {"starts_at": TIME, "ends_at": TIME}

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("first_on", datetime.date.today())
        if program.format == "online":
            self.initial.setdefault("format", "online")

    def clean_skip_text(self):
        return _dates(self.cleaned_data["skip_text"])

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["skip_dates"] = data.pop("skip_text")
        return data


class SessionForm(ModelForm[ProgramSession]):
    """A one-off session, or one already held that is recorded now."""

    class Meta:
        model = ProgramSession
        fields = ["on", "starts_at", "ends_at", "format", "venue", "on_duty"]
        widgets = {"starts_at": TIME, "ends_at": TIME, "on_duty": forms.CheckboxSelectMultiple}

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_duty"].queryset = program.team.select_related("user")


class SessionChangeForm(VersionedModelForm[ProgramSession]):
    """Move a session (with the reason), or change who is on duty."""

    reason = forms.CharField(label=_("Why it moves"), required=False, max_length=300)

    class Meta:
        model = ProgramSession
        fields = ["on", "starts_at", "ends_at", "format", "venue", "on_duty"]
        widgets = {"starts_at": TIME, "ends_at": TIME, "on_duty": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_duty"].queryset = self.instance.program.team.select_related("user")


class SessionRecordForm(VersionedModelForm[ProgramSession]):
    """The session's head counts and notes."""

    class Meta:
        model = ProgramSession
        fields = ["count_person", "count_family", "count_other", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why it is called off"), max_length=300)


class AttendanceForm(forms.Form):
    """Who came: ticks on the program's list, newcomers by nickname, one way of taking part."""

    present = forms.MultipleChoiceField(
        label=_("On the list"), required=False, widget=forms.CheckboxSelectMultiple
    )
    newcomers = forms.CharField(
        label=_("New nicknames"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line, or separated by commas. No real names are needed."),
    )
    newcomer_kind = forms.ChoiceField(
        label=_("New ones take part as"),
        choices=ParticipantKind.choices,
        initial=ParticipantKind.PERSON,
        required=False,
    )
    mode = forms.ChoiceField(label=_("How"), choices=Mode.choices)

    def __init__(self, *args, session, roster, **kwargs):
        super().__init__(*args, **kwargs)
        self.roster = {str(p.pk): p for p in roster}
        self.fields["present"].choices = [(pk, p.nickname) for pk, p in self.roster.items()]
        online = session.format == "online"
        self.fields["mode"].choices = [
            (value, label) for value, label in Mode.choices if (value != Mode.IN_PERSON) == online
        ]
        self.fields["mode"].initial = Mode.CAMERA_ON if online else Mode.IN_PERSON

    def clean_newcomers(self):
        text = self.cleaned_data["newcomers"]
        names = [n.strip() for n in text.replace("、", ",").replace("\n", ",").split(",")]
        too_long = [n for n in names if len(n) > 50]
        if too_long:
            raise forms.ValidationError(_("A nickname is at most 50 characters."))
        return [n for n in names if n]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("present") and not cleaned.get("newcomers"):
            raise forms.ValidationError(_("Tick who came or write a new nickname."))
        return cleaned

    def service_arguments(self) -> dict:
        mode = self.cleaned_data["mode"]
        kind = self.cleaned_data["newcomer_kind"] or ParticipantKind.PERSON
        return {
            "present": [(self.roster[pk], mode) for pk in self.cleaned_data["present"]],
            "new": [
                {"nickname": name, "mode": mode, "kind": kind}
                for name in self.cleaned_data["newcomers"]
            ],
        }


class CaseAttendanceForm(forms.Form):
    """A case's person or family member came (a caseworker links them, under consent)."""

    case_number = forms.CharField(label=_("Case number"), max_length=30)
    who = forms.ChoiceField(
        label=pgettext_lazy("attendance", "Who came"),
        choices=[("", _("The person")), *list(Relation.choices)],
        required=False,
    )
    mode = forms.ChoiceField(label=_("How"), choices=Mode.choices)
