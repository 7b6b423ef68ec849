from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.core.fields import JapaneseDateField
from yorisoi.core.forms import ModelForm
from yorisoi.plans.models import Domain, Horizon, ProposedBy, SupportPlan

GOAL_ROWS = 6


class PlanForm(ModelForm):
    """A plan version with its goals; it starts from the latest version."""

    class Meta:
        model = SupportPlan
        fields = ["made_on", "person_intentions", "family_intentions", "review_on"]
        widgets = {
            "person_intentions": forms.Textarea(attrs={"rows": 3}),
            "family_intentions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["made_on"].initial = timezone.localdate()
        goals = list(previous.goals.all()) if previous else []
        if previous is not None:
            self.fields["person_intentions"].initial = previous.person_intentions
            self.fields["family_intentions"].initial = previous.family_intentions
        for i in range(GOAL_ROWS):
            goal = goals[i] if i < len(goals) else None
            add = self.fields.__setitem__
            add(
                f"goal_{i}_text",
                forms.CharField(
                    label=_("Goal"),
                    max_length=300,
                    required=False,
                    initial=goal.text if goal else "",
                ),
            )
            add(
                f"goal_{i}_domain",
                forms.ChoiceField(
                    label=_("Domain"),
                    choices=Domain.choices,
                    initial=goal.domain if goal else Domain.DAILY,
                ),
            )
            add(
                f"goal_{i}_domain_named",
                forms.CharField(
                    label=_("Domain in the person's words"),
                    max_length=100,
                    required=False,
                    initial=goal.domain_named if goal else "",
                ),
            )
            add(
                f"goal_{i}_horizon",
                forms.ChoiceField(
                    label=_("Horizon"),
                    choices=Horizon.choices,
                    initial=goal.horizon if goal else Horizon.SHORT,
                ),
            )
            add(
                f"goal_{i}_steps",
                forms.CharField(
                    label=_("Small steps"),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=goal.steps if goal else "",
                ),
            )
            add(
                f"goal_{i}_proposed_by",
                forms.ChoiceField(
                    label=_("Proposed by"),
                    choices=ProposedBy.choices,
                    initial=goal.proposed_by if goal else ProposedBy.TOGETHER,
                ),
            )
            add(
                f"goal_{i}_person_agreed",
                forms.BooleanField(
                    label=_("The person agreed"),
                    required=False,
                    initial=goal.person_agreed if goal else False,
                ),
            )
            add(
                f"goal_{i}_persons_own",
                forms.BooleanField(
                    label=_("The person's own goal"),
                    required=False,
                    initial=goal.persons_own if goal else False,
                ),
            )

    def main_fields(self):
        return [self[name] for name in self._meta.fields]

    def goal_rows(self):
        names = [
            "text",
            "domain",
            "domain_named",
            "horizon",
            "steps",
            "proposed_by",
            "person_agreed",
            "persons_own",
        ]
        return [[self[f"goal_{i}_{n}"] for n in names] for i in range(GOAL_ROWS)]

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data["goals"] = [
            {
                n: self.cleaned_data[f"goal_{i}_{n}"]
                for n in [
                    "text",
                    "domain",
                    "domain_named",
                    "horizon",
                    "steps",
                    "proposed_by",
                    "person_agreed",
                    "persons_own",
                ]
            }
            for i in range(GOAL_ROWS)
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
