import datetime

import factory

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.services import CommandActor
from yorisoi.core.testing.samples import sample_for
from yorisoi.evaluations import services
from yorisoi.evaluations.choices import ItemKind, Rater, Timing
from yorisoi.evaluations.definitions import ItemSpec
from yorisoi.evaluations.models import Evaluation, Instrument, InstrumentVersion


def shipped_version(code: str = "miyagi") -> InstrumentVersion:
    """The current version of a shipped instrument (the data migration made it)."""
    return (
        InstrumentVersion.objects.filter(instrument__organization=None, instrument__code=code)
        .order_by("-number")
        .first()
    )


SPECS = [
    ItemSpec("外出の様子", ItemKind.LEVEL, ("家の中", "近所まで", "遠くまで"), "本人"),
    ItemSpec("家族が相談を続けている", ItemKind.YES_NO, (), "家族"),
    ItemSpec("家族会に参加している", ItemKind.YES_NO, (), "家族", rated_by_default=False),
]


def own_instrument(organization, *, name="わたしたちの尺度", specs=SPECS) -> Instrument:
    return services.create_instrument(
        actor=CommandActor(organization, via="test"), name=name, items=list(specs)
    )


class EvaluationFactory(factory.django.DjangoModelFactory):
    """An evaluation row without scores (services make the scores; see tests)."""

    class Meta:
        model = Evaluation

    case = factory.SubFactory(CaseFactory)
    organization = factory.SelfAttribute("case.organization")
    instrument_version = factory.LazyFunction(shipped_version)
    timing = Timing.FIRST_INTERVIEW
    rated_on = datetime.date(2025, 5, 1)
    fiscal_year = 2025
    rater = Rater.CASEWORKER


@sample_for(Evaluation)
def sample_evaluation(organization, marker):
    return EvaluationFactory(case__organization=organization, note=marker)


@sample_for(Instrument)
def sample_instrument(organization, marker):
    return own_instrument(organization, name=marker)
