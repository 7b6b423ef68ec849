"""A case's evaluations arranged for reading: a table and journey charts per instrument.

Works on evaluations already loaded by ``selectors.evaluations_of`` (no queries of its own).
Items of different versions line up by their code, so a revised instrument keeps one row
per question.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from yorisoi.evaluations.charts import Chart, Point, Series
from yorisoi.evaluations.choices import ItemKind, Rater
from yorisoi.evaluations.models import Evaluation, Instrument
from yorisoi.evaluations.scoring import GroupTotal, group_totals

RATER_ORDER = {rater: index for index, rater in enumerate(Rater.values)}
# Evaluations per table on an A4 page: more columns would squeeze the item labels away.
PRINT_COLUMNS = 6


@dataclass
class Cell:
    value: int | None
    text: str  # the level's words (shown as a tooltip) or yes / no
    asked: bool = True  # False when the evaluation's version had no such item


@dataclass
class Row:
    code: str
    label: str
    kind: str
    cells: list[Cell]
    minimum: int = 0
    maximum: int = 1


@dataclass
class Group:
    label: str
    rows: list[Row]
    totals: list[GroupTotal | None] | None = None  # one per evaluation, for yes/no groups


@dataclass
class InstrumentHistory:
    instrument: Instrument
    evaluations: list[Evaluation]
    groups: list[Group] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    levels: list = field(default_factory=list)  # the newest version's items, to explain values

    def print_pages(self) -> list["InstrumentHistory"]:
        """The table cut into parts of at most PRINT_COLUMNS evaluations, for paper."""
        pages = []
        for start in range(0, len(self.evaluations), PRINT_COLUMNS):
            cut = slice(start, start + PRINT_COLUMNS)
            groups = [
                Group(
                    group.label,
                    [replace(row, cells=row.cells[cut]) for row in group.rows],
                    None if group.totals is None else group.totals[cut],
                )
                for group in self.groups
            ]
            pages.append(InstrumentHistory(self.instrument, self.evaluations[cut], groups))
        return pages


def _column_order(evaluation):
    return (evaluation.rated_on, RATER_ORDER.get(evaluation.rater, 99), evaluation.pk)


def _cell(score) -> Cell:
    item, value = score.item, score.value
    if value is None:
        return Cell(None, _("Not rated"))
    if item.kind == ItemKind.YES_NO:
        return Cell(value, _("Yes") if value else _("No"))
    text = next((level.text for level in item.levels.all() if level.value == value), "")
    return Cell(value, text)


def build(evaluations, *, key: str = "chart") -> list[InstrumentHistory]:
    """One history per instrument, newest instrument used first; columns oldest first."""
    by_instrument: dict[int, list] = {}
    for evaluation in sorted(evaluations, key=_column_order):
        by_instrument.setdefault(evaluation.instrument_version.instrument_id, []).append(evaluation)
    histories = [_history(columns, key) for columns in by_instrument.values()]
    histories.sort(key=lambda h: _column_order(h.evaluations[-1]), reverse=True)
    return histories


def _history(columns: list, key: str) -> InstrumentHistory:
    newest = max(columns, key=lambda e: (e.instrument_version.number, e.pk))
    rows: dict[str, Row] = {}
    placing: dict[str, tuple] = {}  # code -> (sort key, group label)
    scores_by_column = []
    for evaluation in columns:
        scores = {s.item.code: s for s in evaluation.scores.all()}
        scores_by_column.append(scores)
        is_newest = evaluation.instrument_version_id == newest.instrument_version_id
        for code, score in scores.items():
            item = score.item
            if code in rows and not is_newest:
                continue
            values = [level.value for level in item.levels.all()] or [0, 1]
            rows[code] = Row(code, item.label, item.kind, [], min(values), max(values))
            # The newest version's order first; questions it dropped follow in their old order.
            placing[code] = ((0 if is_newest else 1, item.order), item.group)
    for code, row in rows.items():
        row.cells = [
            _cell(scores[code]) if code in scores else Cell(None, "", asked=False)
            for scores in scores_by_column
        ]
    history = InstrumentHistory(newest.instrument_version.instrument, columns)
    groups: dict[str, Group] = {}
    for code in sorted(rows, key=lambda code: placing[code][0]):
        label = placing[code][1]
        if label not in groups:
            groups[label] = Group(label, [])
            history.groups.append(groups[label])
        groups[label].rows.append(rows[code])
    totals_by_column = [
        {t.group: t for t in group_totals(evaluation.scores.all())} for evaluation in columns
    ]
    for group in history.groups:
        if any(row.kind == ItemKind.YES_NO for row in group.rows):
            group.totals = [totals.get(group.label) for totals in totals_by_column]
    history.charts = _charts(history, key)
    history.levels = [s.item for s in newest.scores.all()]
    return history


def _series(columns, values) -> tuple[Series, ...]:
    """One series per rater present, in the usual order; ``values`` gives each column's point."""
    series = []
    for rater in Rater:
        points = tuple(
            point
            for evaluation, point in zip(columns, values, strict=True)
            if evaluation.rater == rater and point is not None
        )
        if points:
            series.append(Series(rater.value, str(rater.label), points))
    return tuple(series)


def _charts(history: InstrumentHistory, key: str) -> list[Chart]:
    columns = history.evaluations
    prefix = f"{key}-{history.instrument.pk}"
    charts = []
    for group in history.groups:
        for row in group.rows:
            if row.kind != ItemKind.LEVEL:
                continue
            points = [
                Point(e.rated_on, cell.value) for e, cell in zip(columns, row.cells, strict=True)
            ]
            charts.append(
                Chart(
                    f"{prefix}-{row.code}",
                    row.label,
                    row.minimum,
                    row.maximum,
                    _series(columns, points),
                )
            )
        if group.totals is not None:
            size = max((t.items for t in group.totals if t is not None), default=0)
            points = [
                Point(e.rated_on, t.points, str(t), t.is_partial) if t else Point(e.rated_on, None)
                for e, t in zip(columns, group.totals, strict=True)
            ]
            title = _("%(group)s: total") % {"group": group.label} if group.label else _("Total")
            charts.append(
                Chart(f"{prefix}-total-{len(charts)}", title, 0, size, _series(columns, points))
            )
    return charts
