"""Demo evaluations for the demo cases: at the first interview, each fiscal-year end, and closing.

Scores move slowly and unevenly, some items are left unrated on purpose, and where the person
is met they sometimes rate themselves too. Each case draws from its own seeded generator, so
the data is the same on every machine; cases that already have evaluations are left alone.
"""

import datetime
import random

from django.utils import timezone

from yorisoi.cases.choices import PersonContact
from yorisoi.cases.models import Case
from yorisoi.core.dates import fiscal_year_of
from yorisoi.evaluations import selectors, services
from yorisoi.evaluations.choices import ItemKind, Rater, Timing
from yorisoi.evaluations.models import Evaluation, Instrument

SEED = 20250402


def _moments(case, rng, today) -> list[tuple[str, datetime.date]]:
    """When the case was evaluated: first interview, each year end since, and its closing."""
    first = case.opened_on + datetime.timedelta(days=rng.randint(7, 21))
    end = case.closed_on or today
    moments: list[tuple[str, datetime.date]] = (
        [(Timing.FIRST_INTERVIEW, first)] if first <= end else []
    )
    for year in range(fiscal_year_of(case.opened_on), fiscal_year_of(today)):
        # Most are done in the last weeks of March; some only after the year has closed.
        if rng.random() < 0.25:
            day = datetime.date(year + 1, 4, rng.randint(1, 25))
        else:
            day = datetime.date(year + 1, 3, rng.randint(10, 31))
        if first < day <= end:
            moments.append((Timing.FISCAL_YEAR_END, day))
    if case.closed_on and first < case.closed_on <= today:
        moments.append((Timing.CLOSING, case.closed_on))
    return moments


def _drift(value: int, rng, high: int) -> int:
    return max(1, min(high, value + rng.choice([-1, 0, 0, 0, 1, 1])))


def load_case(case, version, rng, today) -> None:
    items = list(version.items.all())
    person_items = [i for i in items if i.kind == ItemKind.LEVEL]
    family_items = [i for i in items if i.kind == ItemKind.YES_NO]
    levels = {item.pk: rng.randint(1, 4) for item in person_items}
    family_yes = set(rng.sample([i.pk for i in family_items], k=rng.randint(2, 5)))
    met = case.person_contact == PersonContact.DIRECT
    actor = case.primary_staff
    for number, (timing, day) in enumerate(_moments(case, rng, today)):
        if number:
            levels = {pk: _drift(value, rng, 10) for pk, value in levels.items()}
            if rng.random() < 0.6:
                family_yes.add(rng.choice([i.pk for i in family_items]))
        scores = {
            item.pk: None
            if rng.random() < (0.1 if met else 0.3)  # hard to tell without meeting the person
            else levels[item.pk]
            for item in person_items
        }
        scores |= {
            item.pk: None if rng.random() < 0.08 else int(item.pk in family_yes)
            for item in family_items
        }
        services.record_evaluation(
            actor=actor,
            case=case,
            instrument_version=version,
            timing=timing,
            rated_on=day,
            rater=Rater.CASEWORKER,
            rated_by=actor,
            scores=scores,
        )
        if met and number and rng.random() < 0.5:
            services.record_evaluation(
                actor=actor,
                case=case,
                instrument_version=version,
                timing=timing,
                rated_on=day,
                rater=Rater.PERSON,
                scores={
                    item.pk: max(1, min(10, levels[item.pk] + rng.choice([-1, 0, 1])))
                    for item in person_items
                },
                note="本人と一緒に振り返り、本人の言葉で選んでもらった。",
            )


def load(organizations: dict) -> None:
    """Evaluations with the shipped Miyagi-style instrument for the demo center's cases."""
    center = organizations["demo-center"]
    instrument = Instrument.objects.get(organization=None, code="miyagi")
    version = selectors.current_version(instrument)
    today = timezone.localdate()
    cases = (
        Case.objects.for_organization(center)
        .filter(number__startswith="DEMO-", primary_staff__isnull=False)
        .exclude(pk__in=Evaluation.objects.for_organization(center).values("case"))
        .select_related("primary_staff")
        .order_by("number")
    )
    for case in cases:
        load_case(case, version, random.Random(f"{SEED}-{case.number}"), today)
