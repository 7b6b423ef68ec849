from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.forms import wishes_fields
from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm
from yorisoi.plans.models import Domain, GoalsStatus, Horizon, ProposedBy, SupportPlan

GOAL_ROWS = 6


def _goal_fields() -> dict:
    """The fields of one goal row, each with its blank-row default."""
    return {
        "text": forms.CharField(label=_("Goal"), max_length=300, required=False, initial=""),
        "domain": forms.ChoiceField(
            label=_("Domain"), choices=Domain.choices, initial=Domain.DAILY
        ),
        "domain_named": forms.CharField(
            label=_("Domain in the person's words"), max_length=100, required=False, initial=""
        ),
        "horizon": forms.ChoiceField(
            label=_("Horizon"), choices=Horizon.choices, initial=Horizon.SHORT
        ),
        "steps": forms.CharField(
            label=_("Small steps"),
            required=False,
            initial="",
            widget=forms.Textarea(attrs={"rows": 2}),
        ),
        "proposed_by": forms.ChoiceField(
            label=_("Proposed by"), choices=ProposedBy.choices, initial=ProposedBy.TOGETHER
        ),
        "person_agreed": forms.BooleanField(
            label=_("The person agreed"), required=False, initial=False
        ),
        "persons_own": forms.BooleanField(
            label=_("The person's own goal"), required=False, initial=False
        ),
    }


GOAL_NAMES = list(_goal_fields())


class PlanForm(ModelForm):
    """A plan version with its goals; it starts from the latest version."""

    class Meta:
        model = SupportPlan
        fields = [
            "made_on",
            "person_intentions_status",
            "person_intentions_heard",
            "person_intentions",
            "family_intentions",
            "review_on",
            "goals_status",
        ]
        widgets = {
            "person_intentions": forms.Textarea(attrs={"rows": 3}),
            "family_intentions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["made_on"].initial = timezone.localdate()
        goals = list(previous.goals.all()) if previous else []
        wishes_fields(self, "person_intentions_status", "person_intentions_heard")
        self.fields["goals_status"] = forms.ChoiceField(
            label=_("Goals"),
            choices=GoalsStatus.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose whether this plan sets goals yet.")},
            help_text=_(
                "A plan can wait for goals until the person's wishes are clearer; say so here."
            ),
        )
        if previous is not None:
            for name in (
                "person_intentions",
                "person_intentions_status",
                "person_intentions_heard",
                "family_intentions",
                "goals_status",
            ):
                self.fields[name].initial = getattr(previous, name)
        for i in range(GOAL_ROWS):
            goal = goals[i] if i < len(goals) else None
            for name, field in _goal_fields().items():
                if goal is not None:  # the row starts from the previous version's goal
                    field.initial = getattr(goal, name)
                self.fields[f"goal_{i}_{name}"] = field

    def main_fields(self):
        return [self[name] for name in self._meta.fields if name != "goals_status"]

    def goal_rows(self):
        return [[self[f"goal_{i}_{n}"] for n in GOAL_NAMES] for i in range(GOAL_ROWS)]

    def service_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self._meta.fields or ()}
        data["goals"] = [
            {n: self.cleaned_data[f"goal_{i}_{n}"] for n in GOAL_NAMES} for i in range(GOAL_ROWS)
        ]
        return data


class ReviewForm(forms.Form):
    reviewed_on = JapaneseDateField(label=_("Reviewed on"))
    what_changed = forms.CharField(
        label=_("What changed"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()
