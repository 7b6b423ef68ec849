"""Reading instruments and evaluations with everything a page shows loaded in a fixed few queries."""

from django.db.models import F, Max, Prefetch, QuerySet

from yorisoi.cases.models import Case
from yorisoi.evaluations.definitions import ItemSpec
from yorisoi.evaluations.models import Evaluation, Instrument, InstrumentVersion, Item, Score
from yorisoi.evaluations.models.instruments import INSTRUMENT_ORDER, InstrumentQuerySet
from yorisoi.organizations.models import Membership

# The instrument of the handbook's evaluation flow, offered first.
DEFAULT_INSTRUMENT = "miyagi"


def instruments_for(member: Membership, *, active_only: bool = True) -> InstrumentQuerySet:
    """Instruments the member may use, with the number of their current version."""
    instruments = (
        Instrument.objects.for_member(member)
        .annotate(latest=Max("versions__number"))
        .order_by(*INSTRUMENT_ORDER)  # grouped queries ignore the default ordering
    )
    return instruments.filter(is_active=True) if active_only else instruments


def instrument_by_code(member: Membership, code: str) -> Instrument | None:
    """The instrument with this code; the organization's own comes before a shipped one."""
    return (
        Instrument.objects.for_member(member)
        .filter(code=code)
        .order_by(F("organization").asc(nulls_last=True))
        .first()
    )


def default_instrument(case: Case, instruments: list[Instrument]) -> Instrument | None:
    """The instrument the case was last evaluated with, else the shipped default, else any."""
    last = (
        Evaluation.objects.filter(case=case, instrument_version__instrument__in=instruments)
        .select_related("instrument_version__instrument")
        .first()
    )
    if last is not None:
        return last.instrument_version.instrument
    shipped = [i for i in instruments if i.is_shipped and i.code == DEFAULT_INSTRUMENT]
    candidates = shipped or instruments
    return candidates[0] if candidates else None


def with_items(versions: QuerySet[InstrumentVersion]) -> QuerySet[InstrumentVersion]:
    """Versions with their items and each item's levels (three queries in all)."""
    return versions.select_related("instrument").prefetch_related(
        Prefetch("items", queryset=Item.objects.prefetch_related("levels"))
    )


def current_version(instrument: Instrument) -> InstrumentVersion | None:
    """The newest version of the instrument, ready to show as a form."""
    return with_items(instrument.versions.order_by("-number")).first()


def item_specs(version: InstrumentVersion) -> list[ItemSpec]:
    """A version's items as specs (levels must be prefetched), to compare or edit as text."""
    return [
        ItemSpec(
            label=item.label,
            kind=item.kind,
            levels=tuple(level.text for level in item.levels.all()),
            group=item.group,
            rated_by_default=item.rated_by_default,
        )
        for item in version.items.all()
    ]


def with_scores(evaluations: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
    """Evaluations with their instrument, raters and scored items: three queries in all."""
    scores = Score.objects.select_related("item").prefetch_related("item__levels")
    return evaluations.select_related(
        "instrument_version__instrument", "rater_member", "rated_by__user"
    ).prefetch_related(Prefetch("scores", queryset=scores))


def evaluations_of(case: Case) -> QuerySet[Evaluation]:
    """A case's evaluations, loaded as ``with_scores`` does."""
    return with_scores(Evaluation.objects.filter(case=case))
