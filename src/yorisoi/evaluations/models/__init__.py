from yorisoi.evaluations.models.evaluation import Evaluation, Score, default_fiscal_year
from yorisoi.evaluations.models.instruments import Instrument, InstrumentVersion, Item, Level

__all__ = [
    "Evaluation",
    "Instrument",
    "InstrumentVersion",
    "Item",
    "Level",
    "Score",
    "default_fiscal_year",
]
