import datetime
import json
from collections.abc import Iterable
from functools import cached_property
from typing import cast

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models import HouseholdMember
from yorisoi.contacts import safety
from yorisoi.contacts.choices import IMPORT_ONLY_OUTCOMES, OUTCOMES_BY_CHANNEL, TEAM_CHANNELS
from yorisoi.contacts.models import ContactRecord
from yorisoi.contacts.services import check_team_rule, participants
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import VersionedModelForm
from yorisoi.organizations.models import Membership


class ContactRecordForm(VersionedModelForm):
    """A contact record: date and time apart (quicker to type), staff and family as checkboxes."""

    occurred_on = JapaneseDateField(label=_("Date"))
    occurred_time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    class Meta:
        model = ContactRecord
        fields = [
            "channel",
            "duration_minutes",
            "staff",
            "with_person",
            "with_members",
            "with_agencies",
            "lone_visit_reason",
            "visit_known_by",
            "reached",
            "outcome",
            "summary",
            "next_action",
            "next_action_on",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "staff": forms.CheckboxSelectMultiple,
            "with_members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, member, case, **kwargs):
        super().__init__(*args, **kwargs)
        # Whoever took part: supporters and clerks too (naming them opens no record to them).
        self.fields["staff"].queryset = participants(member)
        self.fields["staff"].label_from_instance = self.label_for_participant
        if self.instance.pk:  # staff who have left since stay on their old records
            current = self.instance.staff.values("pk")
            self.fields["staff"].queryset = Membership.objects.filter(
                Q(pk__in=self.fields["staff"].queryset.values("pk")) | Q(pk__in=current)
            ).select_related("user")
        self.fields["with_members"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        self.order_fields(["occurred_on", "occurred_time"])
        if self.instance.pk:
            local = timezone.localtime(self.instance.occurred_at)
            self.initial.update(occurred_on=local.date(), occurred_time=local.strftime("%H:%M"))
        else:
            now = timezone.localtime()
            self.fields["version"].required = False
            self.initial.update(
                occurred_on=now.date(), occurred_time=now.strftime("%H:%M"), staff=[member.pk]
            )
        self.fields["lone_visit_reason"].help_text = _(
            "Only for a home visit or accompanied outing made by one staff member."
        )
        self.case = case
        self.fields["visit_known_by"].widget.attrs["data-team-only"] = ""
        self._fit_outcomes_to_channels()

    def label_for_participant(self, membership) -> str:
        if membership.role in {"caseworker", "supervisor"}:
            return str(membership.user)
        return f"{membership.user}（{membership.get_role_display()}）"

    def _fit_outcomes_to_channels(self) -> None:
        """The page script offers only the outcomes that fit the chosen channel, and the
        lone-visit reason only for visits and outings; ``clean`` holds the form to the same."""
        # An edit keeps what the record says (an imported row's 記録なし, an older record's).
        kept = (self.instance.channel, self.instance.outcome) if self.instance.pk else None
        outcome = self.fields["outcome"]
        assert isinstance(outcome, forms.ChoiceField)
        # stubs: the getter is typed as whatever the setter takes; it gives normalized pairs
        choices = cast("Iterable[tuple[str, object]]", outcome.choices)
        outcome.choices = [
            (value, label)
            for value, label in choices
            if value not in IMPORT_ONLY_OUTCOMES or (kept and value == kept[1])
        ]
        by_channel = {channel: list(outcomes) for channel, outcomes in OUTCOMES_BY_CHANNEL.items()}
        if kept and kept[0] in by_channel and kept[1] not in by_channel[kept[0]]:
            by_channel[kept[0]].append(kept[1])
        outcome.widget.attrs["data-outcomes-by-channel"] = json.dumps(by_channel)
        self.fields["channel"].widget.attrs["data-team-channels"] = " ".join(sorted(TEAM_CHANNELS))
        self.fields["lone_visit_reason"].widget.attrs["data-team-only"] = ""

    def clean(self):
        cleaned = super().clean()
        channel, outcome = cleaned.get("channel"), cleaned.get("outcome")
        if channel not in TEAM_CHANNELS:
            cleaned["lone_visit_reason"] = ""  # typed before the channel changed: not a visit
        unchanged = self.instance.pk and (channel, outcome) == (
            self.instance.channel,
            self.instance.outcome,
        )
        if channel and outcome and not unchanged and outcome not in OUTCOMES_BY_CHANNEL[channel]:
            self.add_error(
                "outcome",
                _("“%(outcome)s” is not an outcome of “%(channel)s”. Choose how it went.")
                % {
                    "outcome": dict(self.fields["outcome"].choices).get(outcome, outcome),
                    "channel": dict(self.fields["channel"].choices).get(channel, channel),
                },
            )
        if cleaned.get("channel") and cleaned.get("staff") is not None:
            try:
                check_team_rule(
                    cleaned["channel"], list(cleaned["staff"]), cleaned.get("lone_visit_reason", "")
                )
            except forms.ValidationError as error:
                self.add_error(None, error)  # the error names its field, lone_visit_reason
        self._check_visit_safety(cleaned)
        return cleaned

    @cached_property
    def visit_notices(self) -> list:
        """The case's safety notices for visits (one query, only when asked for)."""
        return safety.notices_for(self.case)

    @cached_property
    def emergency_contacts(self) -> list:
        return list(
            HouseholdMember.objects.filter(
                household=self.case.household_id, is_emergency_contact=True
            )
        )

    def _check_visit_safety(self, cleaned) -> None:
        if cleaned.get("channel") not in TEAM_CHANNELS:
            cleaned["visit_known_by"] = ""  # only visits and outings ask it
            return
        if self.instance.pk:  # asked when a visit is recorded, not on later corrections
            return
        try:
            safety.check_visit(
                case=self.case,
                channel=cleaned["channel"],
                day=cleaned.get("occurred_on"),
                visit_known_by=cleaned.get("visit_known_by", ""),
                notices=self.visit_notices,
            )
        except forms.ValidationError as error:
            self.add_error(None, error)  # the error names its field, visit_known_by

    def service_fields(self) -> dict:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in {"version", "occurred_on", "occurred_time", "staff", "with_members"}
        }
        data["occurred_at"] = timezone.make_aware(
            datetime.datetime.combine(
                self.cleaned_data["occurred_on"], self.cleaned_data["occurred_time"]
            )
        )
        data["staff"] = list(self.cleaned_data["staff"])
        data["with_members"] = list(self.cleaned_data["with_members"])
        return data
