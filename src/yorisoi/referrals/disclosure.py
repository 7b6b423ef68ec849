"""What goes with a referral: the chosen sections of the case, copied as they are that day.

The copy is what the receiving side sees (for an organization on this installation) and what
the provision record and the audit log name; nothing is read from the case afterwards.
"""

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import models
from django.utils.encoding import force_str

from yorisoi.consents.models import InformationItem

if TYPE_CHECKING:
    from yorisoi.cases.models import Case

PERSON_FIELDS = (
    "name",
    "name_kana",
    "nickname",
    "sex",
    "birth_date",
    "municipality",
    "address",
    "phone",
    "email",
)
CONSULTATION_FIELDS = (
    "wishes",
    "trigger",
    "duration",
    "onset_story",
    "current_state",
    "consultation_history",
)
HEALTH_FIELDS = ("medical_history", "developmental_history", "behaviours_of_concern")
ASSESSMENT_FIELDS = (
    "assessed_on",
    "urgency",
    "person_wishes",
    "family_wishes",
    "strengths_and_interests",
)


def _value(obj, name: str) -> str:
    field = obj._meta.get_field(name)
    if field.choices:
        return force_str(getattr(obj, f"get_{name}_display")())
    value = getattr(obj, name)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else force_str(value)


def _rows(obj, names) -> list[list[str]]:
    """[label, value, field] for each filled field of the object."""
    if obj is None:
        return []
    rows = []
    for name in names:
        value = _value(obj, name)
        if value:
            rows.append([force_str(obj._meta.get_field(name).verbose_name), value, name])
    return rows


def person_data(disclosed: dict) -> dict:
    """The person's fields as received, for the receiving organization's new record."""
    from yorisoi.cases.models import Person

    data = {}
    for row in disclosed.get(InformationItem.IDENTITY, []):
        if len(row) < 3 or row[2] not in PERSON_FIELDS:
            continue
        field = Person._meta.get_field(row[2])
        value = row[1]
        if isinstance(field, models.Field) and field.choices:
            value = {force_str(label): key for key, label in field.flatchoices}.get(value, "")
        elif row[2] == "birth_date":
            value = datetime.date.fromisoformat(value)
        if value:
            data[row[2]] = value
    return data


def _intake(case):
    """The case's intake sheet, if any (cached on the case: two sections read it)."""
    from yorisoi.cases.models import Intake

    try:
        return case.intake
    except Intake.DoesNotExist:
        return None


def _identity(case) -> list[list[str]]:
    return _rows(case.person, PERSON_FIELDS)


def _household(case) -> list[list[str]]:
    from yorisoi.cases.models import HouseholdMember

    members = HouseholdMember.objects.filter(household=case.household_id).order_by("pk")
    rows = []
    for m in members:
        parts = [m.get_relation_display(), m.name, m.get_age_band_display() if m.age_band else ""]
        text = " ".join(p for p in parts if p)
        if m.lives_with_person:
            text += f" ({force_str(m._meta.get_field('lives_with_person').verbose_name)})"
        rows.append([force_str(m._meta.verbose_name), text])
    if case.household_id and case.household.note:
        rows.append(
            [
                force_str(case.household._meta.get_field("note").verbose_name),
                case.household.note,
                "",
            ]
        )
    return rows


def _consultation(case) -> list[list[str]]:
    rows = _rows(case, ("summary",))
    return rows + _rows(_intake(case), CONSULTATION_FIELDS)


def _health(case) -> list[list[str]]:
    return _rows(_intake(case), HEALTH_FIELDS)


def _assessment(case) -> list[list[str]]:
    from yorisoi.assessments.models import Assessment

    latest = Assessment.objects.filter(case=case).order_by("-assessed_on", "-pk").first()
    return _rows(latest, ASSESSMENT_FIELDS)


def _plan(case) -> list[list[str]]:
    from yorisoi.plans.models import SupportPlan

    plan = SupportPlan.objects.filter(case=case).order_by("-number").first()
    if plan is None:
        return []
    rows = _rows(plan, ("made_on", "person_intentions", "family_intentions"))
    for goal in plan.goals.order_by("pk"):
        rows.append([force_str(goal._meta.verbose_name), goal.text])
    return rows


BUILDERS: dict[str, Callable[["Case"], list[list[str]]]] = {
    InformationItem.IDENTITY: _identity,
    InformationItem.HOUSEHOLD: _household,
    InformationItem.CONSULTATION: _consultation,
    InformationItem.HEALTH: _health,
    InformationItem.ASSESSMENT: _assessment,
    InformationItem.PLAN: _plan,
}


def build(case, items: list[str]) -> dict[str, list[list[str]]]:
    """The chosen sections only, each as [label, value, field name or ""] rows."""
    return {item: BUILDERS[item](case) for item in InformationItem.values if item in items}


def field_labels(disclosed: dict) -> dict[str, list[str]]:
    """Which pieces crossed, by section (labels, no values): what the audit log keeps."""
    return {item: [row[0] for row in rows] for item, rows in disclosed.items()}
