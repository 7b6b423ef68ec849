"""Recording and changing evaluations; defining and revising an organization's instruments.

Every function checks the actor's permission and runs in a transaction; pages, the API and
the demo loader all come through here.
"""

import datetime
import enum
from typing import Any, Final

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.cases.services import Actor
from yorisoi.core import recorder
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.dates import fiscal_year_of
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Action
from yorisoi.core.services import apply_fields, require, require_own, staff_of
from yorisoi.evaluations.choices import ItemKind, Rater
from yorisoi.evaluations.definitions import ItemSpec
from yorisoi.evaluations.models import (
    Evaluation,
    Instrument,
    InstrumentVersion,
    Item,
    Level,
    Score,
    default_fiscal_year,
)
from yorisoi.evaluations.scoring import ratings_key
from yorisoi.evaluations.selectors import item_specs, with_items
from yorisoi.organizations.models import Membership

EVALUATION_FIELDS = frozenset({"timing", "rated_on", "rater", "rater_member", "rated_by", "note"})
INSTRUMENT_FIELDS = frozenset({"name", "description", "is_active"})


class _Unchanged(enum.Enum):
    """The fiscal year was not sent at all (None means "derive it from the date")."""

    TOKEN = enum.auto()


_UNCHANGED: Final = _Unchanged.TOKEN


def _items_of(version: InstrumentVersion) -> dict[int, Item]:
    """The version's items by id, with their levels loaded to check values against."""
    loaded = with_items(InstrumentVersion.objects.filter(pk=version.pk)).get()
    return {item.pk: item for item in loaded.items.all()}


def _checked_scores(items: dict[int, Item], scores: dict[int, int | None]) -> dict[int, int | None]:
    """Scores by item id, each value one of its item's levels (or 0/1), or None for not rated."""
    checked: dict[int, int | None] = {}
    errors: list[str] = []
    for item_id, value in scores.items():
        item = items.get(int(item_id))
        if item is None:
            errors.append(
                _("Item %(id)s is not part of this instrument version.") % {"id": item_id}
            )
        elif value is not None and value not in item.allowed_values():
            errors.append(
                _("%(label)s: %(value)s is not one of its levels.")
                % {"label": item.label, "value": value}
            )
        else:
            checked[item.pk] = None if value is None else int(value)
    if errors:
        raise ValidationError({"scores": errors})
    return checked


def _settle_rater(evaluation: Evaluation, actor: Actor) -> None:
    """Keep only the rater field that fits: a family member for family, staff for a caseworker."""
    if evaluation.rater != Rater.FAMILY:
        evaluation.rater_member = None
    if evaluation.rater != Rater.CASEWORKER:
        evaluation.rated_by = None
    elif evaluation.rated_by_id is None:
        evaluation.rated_by = staff_of(actor)


def _check(evaluation: Evaluation) -> None:
    errors: dict[str, str] = {}
    if evaluation.rater == Rater.FAMILY and evaluation.rater_member_id is None:
        errors["rater_member"] = _("Choose the family member who rated.")
    elif (
        evaluation.rater_member is not None
        and evaluation.rater_member.household_id != evaluation.case.household_id
    ):
        errors["rater_member"] = _("This person is not in the case's household.")
    if evaluation.rater == Rater.CASEWORKER and evaluation.rated_by_id is None:
        errors["rated_by"] = _("Choose the staff member who rated.")
    if evaluation.rated_on > timezone.localdate():
        errors["rated_on"] = _("An evaluation cannot be dated in the future.")
    year = fiscal_year_of(evaluation.rated_on)
    if evaluation.fiscal_year not in (year - 1, year):
        errors["fiscal_year"] = _(
            "The fiscal year is the one of the date, or the one before it for a year-end "
            "evaluation made after the year closed."
        )
    if errors:
        raise ValidationError(errors)


def _require_usable(actor: Actor, version: InstrumentVersion) -> None:
    """The instrument is shipped or the actor's organization's own, and still in use."""
    if version.instrument.organization_id not in (None, actor.organization_id):
        raise PermissionDenied
    if not version.instrument.is_active:
        raise ValidationError(_("This instrument is no longer in use."))


@transaction.atomic
def record_evaluation(
    *,
    actor: Actor,
    case: Case,
    instrument_version: InstrumentVersion,
    timing: str,
    rated_on: datetime.date,
    rater: str,
    scores: dict[int, int | None],
    fiscal_year: int | None = None,
    rater_member: HouseholdMember | None = None,
    rated_by: Membership | None = None,
    note: str = "",
) -> Evaluation:
    """Record an evaluation; every item of the version gets a score row, NULL when not rated."""
    require(actor, Evaluation, Action.ADD)
    require_own(actor, case, rater_member, rated_by)
    _require_usable(actor, instrument_version)
    evaluation = Evaluation(
        organization_id=case.organization_id,
        case=case,
        instrument_version=instrument_version,
        timing=timing,
        rated_on=rated_on,
        fiscal_year=default_fiscal_year(rated_on, timing) if fiscal_year is None else fiscal_year,
        rater=rater,
        rater_member=rater_member,
        rated_by=rated_by,
        note=note,
    )
    _settle_rater(evaluation, actor)
    evaluation.full_clean()
    _check(evaluation)
    items = _items_of(instrument_version)
    values = _checked_scores(items, scores)
    evaluation.ratings_key = ratings_key(
        (item.code, values.get(item_id)) for item_id, item in items.items()
    )
    evaluation.save()
    Score.objects.bulk_create(
        Score(
            organization_id=evaluation.organization_id,
            evaluation=evaluation,
            item=item,
            value=values.get(item_id),
        )
        for item_id, item in items.items()
    )
    return evaluation


@transaction.atomic
def change_evaluation(
    *,
    actor: Actor,
    evaluation: Evaluation,
    expected_version: int,
    scores: dict[int, int | None] | None = None,
    fiscal_year: int | _Unchanged | None = _UNCHANGED,
    **fields: Any,
) -> Evaluation:
    """Change an evaluation's facts or scores; only the scores named in ``scores`` change.

    A fiscal year of None means "derive it from the date"; one that was derived before is
    derived again when the date or timing changes, while one set by hand is kept.
    """
    require(actor, Evaluation, Action.CHANGE)
    require_own(actor, evaluation, fields.get("rater_member"), fields.get("rated_by"))
    was_derived = evaluation.fiscal_year == default_fiscal_year(
        evaluation.rated_on, evaluation.timing
    )
    apply_fields(evaluation, fields, EVALUATION_FIELDS)
    if fiscal_year is None or (fiscal_year is _UNCHANGED and was_derived):
        evaluation.fiscal_year = default_fiscal_year(evaluation.rated_on, evaluation.timing)
    elif fiscal_year is not _UNCHANGED:
        evaluation.fiscal_year = fiscal_year
    _settle_rater(evaluation, actor)
    evaluation.full_clean()
    _check(evaluation)
    values = _checked_scores(_items_of(evaluation.instrument_version), scores or {})
    stored = {
        s.item_id: s for s in Score.objects.filter(evaluation=evaluation).select_related("item")
    }
    changed = [stored[i] for i, value in values.items() if stored[i].value != value]
    for score in changed:
        score.value = values[score.item_id]
    evaluation.ratings_key = ratings_key((s.item.code, s.value) for s in stored.values())
    save_versioned(evaluation, expected_version=expected_version)
    if changed:
        Score.objects.bulk_update(changed, ["value"])
        # Score rows are not audited one by one: the evaluation's entry names the items.
        recorder.record(
            AuditAction.UPDATE,
            evaluation,
            changes=["scores"],
            detail={"items": sorted(s.item.code for s in changed)},
        )
    return evaluation


def _check_code(organization_id: int, code: str) -> None:
    """Codes are unique among the instruments an organization sees, shipped ones included."""
    if Instrument.objects.available_to(organization_id).filter(code=code).exists():
        raise ValidationError({"code": _("The code %(code)s is already in use.") % {"code": code}})


def _free_code(organization_id: int) -> str:
    used = set(Instrument.objects.available_to(organization_id).values_list("code", flat=True))
    number = 1
    while f"own-{number}" in used:
        number += 1
    return f"own-{number}"


def _publish(
    instrument: Instrument, specs: list[ItemSpec], previous: InstrumentVersion | None = None
) -> InstrumentVersion:
    """Write a new version; an item keeping its group and label keeps its code, so histories
    follow it from one version to the next."""
    known = {(i.group, i.label): i.code for i in previous.items.all()} if previous else {}
    used = set(known.values())
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=previous.number + 1 if previous else 1,
        published_on=timezone.localdate(),
    )
    levels = []
    for order, spec in enumerate(specs, start=1):
        code = known.get((spec.group, spec.label))
        if code is None:
            code = next(f"q{n}" for n in range(1, len(used) + 2) if f"q{n}" not in used)
            used.add(code)
        item = Item.objects.create(
            version=version,
            code=code,
            label=spec.label,
            kind=spec.kind,
            group=spec.group,
            order=order,
            rated_by_default=spec.rated_by_default,
        )
        if spec.kind == ItemKind.LEVEL:
            levels += [
                Level(item=item, value=value, text=text)
                for value, text in enumerate(spec.levels, start=1)
            ]
    Level.objects.bulk_create(levels)
    return version


@transaction.atomic
def create_instrument(
    *, actor: Actor, name: str, items: list[ItemSpec], code: str = "", description: str = ""
) -> Instrument:
    """An organization's own instrument, published as version 1."""
    require(actor, Instrument, Action.ADD)
    organization_id = actor.organization_id
    code = code or _free_code(organization_id)
    _check_code(organization_id, code)
    instrument = Instrument(
        organization_id=organization_id, name=name, code=code, description=description
    )
    instrument.full_clean()
    instrument.save()
    _publish(instrument, items)
    return instrument


@transaction.atomic
def change_instrument(
    *,
    actor: Actor,
    instrument: Instrument,
    expected_version: int,
    items: list[ItemSpec] | None = None,
    **fields: Any,
) -> Instrument:
    """Change an own instrument; changed items publish a new version, old scores stay as given."""
    require(actor, Instrument, Action.CHANGE)
    require_own(actor, instrument)  # shipped instruments belong to nobody's organization
    apply_fields(instrument, fields, INSTRUMENT_FIELDS)
    instrument.full_clean()
    current = with_items(instrument.versions.order_by("-number")).first()
    save_versioned(instrument, expected_version=expected_version)
    if items is not None and (current is None or item_specs(current) != list(items)):
        _publish(instrument, list(items), previous=current)
    return instrument
