"""The evaluation form (one radio group per item, "not rated" always a choice) and the
instrument form (items written as lines of text)."""

from typing import TYPE_CHECKING

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.forms import StaffLabelMixin
from yorisoi.cases.models import HouseholdMember
from yorisoi.core.forms import VersionedModelForm
from yorisoi.evaluations.choices import ItemKind, Rater, Timing
from yorisoi.evaluations.definitions import format_definition, parse_definition
from yorisoi.evaluations.models import Evaluation, Instrument, Item, default_fiscal_year

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A radio value of its own: "not rated" is chosen on purpose, never left as a silent blank.
NOT_RATED = "none"
ITEM_PREFIX = "item_"


def _item_choices(item: Item) -> list[tuple[str, "StrOrPromise"]]:
    choices: list[tuple[str, StrOrPromise]]
    if item.kind == ItemKind.YES_NO:
        choices = [("1", _("Yes (1 point)")), ("0", _("No"))]
    else:
        choices = [
            (str(level.value), f"{level.value}　{level.text}") for level in item.levels.all()
        ]
    return [*choices, (NOT_RATED, _("Not rated"))]


class EvaluationForm(StaffLabelMixin, VersionedModelForm):
    """The facts of an evaluation, then every item of its instrument version in groups."""

    class Meta:
        model = Evaluation
        fields = ["timing", "rated_on", "fiscal_year", "rater", "rated_by", "rater_member", "note"]
        widgets = {"rater": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, member, case, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(version.items.all())
        self.limit_staff(member, "rated_by")
        self.fields["rater"].choices = Rater.choices
        self.fields["timing"].choices = Timing.choices
        self.fields["rater_member"].queryset = HouseholdMember.objects.filter(
            household=case.household_id
        )
        self.fields["rater_member"].help_text = _("When a family member rated.")
        self.fields["rated_by"].help_text = _("When a caseworker rated.")
        year = self.fields["fiscal_year"]
        year.required = False
        year.help_text = _(
            "Leave empty to take it from the date. A year-end evaluation made in April or May "
            "counts for the year that has just ended."
        )
        instance = self.instance
        given = {}
        if instance.pk:
            given = {s.item_id: s.value for s in instance.scores.all()}
            if instance.fiscal_year == default_fiscal_year(instance.rated_on, instance.timing):
                self.initial["fiscal_year"] = None  # derived: follows the date if it changes
        else:
            self.fields["version"].required = False
            self.initial.setdefault("rated_on", timezone.localdate())
            self.initial.setdefault("rater", Rater.CASEWORKER)
            self.initial.setdefault("rated_by", member.pk)
        for item in self.items:
            name = f"{ITEM_PREFIX}{item.pk}"
            self.fields[name] = forms.ChoiceField(
                label=item.label,
                choices=_item_choices(item),
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a rating, or “Not rated”.")},
            )
            if instance.pk:
                value = given.get(item.pk)
                self.initial[name] = NOT_RATED if value is None else str(value)
            elif not item.rated_by_default:
                self.initial[name] = NOT_RATED

    def fact_fields(self) -> list:
        return [self[name] for name in self.Meta.fields]

    def item_groups(self) -> list[tuple[str, list]]:
        """(group, [(bound field, item), …]) in the instrument's order."""
        groups: dict[str, list] = {}
        for item in self.items:
            groups.setdefault(item.group, []).append((self[f"{ITEM_PREFIX}{item.pk}"], item))
        return list(groups.items())

    def scores(self) -> dict[int, int | None]:
        chosen = {item.pk: self.cleaned_data[f"{ITEM_PREFIX}{item.pk}"] for item in self.items}
        return {pk: None if value == NOT_RATED else int(value) for pk, value in chosen.items()}

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


DEFINITION_HELP = _(
    "One item per line: label | kind | levels separated by ;. The kind is level or yes_no "
    "(a yes counts 1 point). Levels are numbered 1, 2, … in the order written. A line in "
    "brackets such as [家族] starts a group. Add | optional at the end of an item that the "
    "form should leave as not rated unless someone rates it."
)


class InstrumentForm(VersionedModelForm):
    """An organization's own instrument; changing the items publishes a new version."""

    definition = forms.CharField(
        label=_("Items"), widget=forms.Textarea(attrs={"rows": 14}), help_text=DEFINITION_HELP
    )

    class Meta:
        model = Instrument
        fields = ["name", "code", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, specs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if specs is not None:
            self.initial["definition"] = format_definition(specs)
        if self.instance.pk:
            del self.fields["code"]  # links and the API name it; it does not change
        else:
            del self.fields["is_active"]
            self.fields["version"].required = False
            self.fields["code"].required = False
            self.fields["code"].help_text = _("Leave empty to have one made for you.")

    def clean_definition(self):
        return parse_definition(self.cleaned_data["definition"])

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in {"version", "definition"}}
        return {**data, "items": self.cleaned_data["definition"]}
