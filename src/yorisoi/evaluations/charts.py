"""The journey chart: scores over time as inline SVG, one line per rater, gaps where unrated.

Pure Python (no database, no templates), so it is tested on its own. Lines are told apart by
dash pattern and marker shape as well as colour, and every chart carries a <title> and a
<desc> that reads the values out; pages put a data table beside it as well. Only SVG
presentation attributes are used: the CSP allows no inline style.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from yorisoi.core.dates import format_wareki


@dataclass(frozen=True)
class Point:
    day: datetime.date
    value: int | None  # None: this rater gave no rating for it that day (a gap, not a zero)
    text: str = ""  # the value in words, e.g. "7 points (9 items rated)"
    partial: bool = False  # a total from only some of its items: drawn as a hollow marker

    def reads(self) -> str:
        if self.value is None:
            return _("not rated")
        return self.text or str(self.value)


@dataclass(frozen=True)
class Series:
    key: str  # the rater; chooses the line's pattern
    label: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Chart:
    key: str  # unique on the page: element ids are made from it
    title: str
    minimum: int
    maximum: int
    series: tuple[Series, ...] = field(default_factory=tuple)

    @property
    def days(self) -> list[datetime.date]:
        return sorted({p.day for s in self.series for p in s.points})

    @property
    def has_values(self) -> bool:
        return any(p.value is not None for s in self.series for p in s.points)

    def table(self) -> list[tuple[datetime.date, list[str]]]:
        """Rows by date, one cell per series: the data the chart draws, for a data table."""
        cells = {(s.key, p.day): p.reads() for s in self.series for p in s.points}
        return [(day, [cells.get((s.key, day), "") for s in self.series]) for day in self.days]


@dataclass(frozen=True)
class LineStyle:
    colour: str
    dash: str  # stroke-dasharray; empty for a solid line
    marker: str  # circle, square or triangle


# Contrast of each colour on white is at least 4.5:1; pattern and marker differ as well.
STYLES = {
    "caseworker": LineStyle("#0b5c5a", "", "circle"),
    "person": LineStyle("#8a4500", "8 4", "square"),
    "family": LineStyle("#5b3a8c", "2 3", "triangle"),
}
FALLBACK = LineStyle("#4a525a", "4 2 1 2", "circle")
INK, GRID = "#1b1f23", "#c9d0cc"


def describe(chart: Chart) -> str:
    """The chart in words, for its <desc>: the scale, then each rater's values in date order."""
    parts = [_("Scale %(low)s to %(high)s.") % {"low": chart.minimum, "high": chart.maximum}]
    for series in chart.series:
        readings = ", ".join(
            f"{format_wareki(p.day)} {p.reads()}" for p in sorted(series.points, key=_day)
        )
        parts.append(f"{series.label}: {readings or _('no evaluations')}.")
    return " ".join(parts)


def _day(point: Point) -> datetime.date:
    return point.day


class _Frame:
    """Where dates and values land inside the SVG."""

    def __init__(self, chart: Chart, width: int, height: int, compact: bool):
        self.left, self.right = (26 if compact else 34), width - 10
        self.top = 26 if compact else 30
        self.bottom = height - (18 if compact else 24)
        days = chart.days
        self.first: datetime.date | None = days[0] if days else None
        self.last: datetime.date | None = days[-1] if days else None
        self.low, self.high = chart.minimum, max(chart.maximum, chart.minimum + 1)

    def x(self, day: datetime.date) -> float:
        inner = 8  # keep end markers off the axes
        if self.first is None or self.last is None or self.first == self.last:
            return round((self.left + self.right) / 2, 1)
        span = (self.last - self.first).days
        share = (day - self.first).days / span
        return round(self.left + inner + share * (self.right - self.left - 2 * inner), 1)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return round(self.bottom - share * (self.bottom - self.top), 1)


def _value_ticks(low: int, high: int, compact: bool) -> list[int]:
    """Evenly spaced labels from low to high, both included, not too many to read."""
    span, most = high - low, (5 if compact else 10)
    fitting = [step for step in (1, 2, 3, 4, 5, 10, 20, 25, 50) if span / step <= most]
    even = [step for step in fitting if span % step == 0]
    step = (even or fitting or [span])[0]
    ticks = list(range(low, high + 1, step))
    return ticks if ticks[-1] == high else [*ticks, high]


def _year_ticks(frame: _Frame, min_gap: float) -> list[tuple[float, str]]:
    """A tick at each 1 April inside the range, labelled with the fiscal year it opens."""
    if frame.first is None or frame.last is None:
        return []
    ticks: list[tuple[float, str]] = []
    last_x: float | None = None
    for year in range(frame.first.year, frame.last.year + 1):
        start = datetime.date(year, 4, 1)
        if frame.first < start <= frame.last:
            x = frame.x(start)
            label = _("FY%(year)s") % {"year": year}
            ticks.append((x, label if last_x is None or x - last_x >= min_gap else ""))
            if ticks[-1][1]:
                last_x = x
    return ticks


def _marker(style: LineStyle, x: float, y: float, hollow: bool) -> str:
    fill = "#ffffff" if hollow else style.colour
    paint = f'fill="{fill}" stroke="{style.colour}" stroke-width="1.5"'
    if style.marker == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" {paint}/>'
    if style.marker == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f} '
            f'{x - 4.5:.1f},{y + 3.5:.1f}" {paint}/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.8" {paint}/>'


def _runs(points: list[Point]) -> list[list[Point]]:
    """Consecutive rated points; an unrated one ends the run, so the line shows a gap."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for point in points:
        if point.value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(point)
    if current:
        runs.append(current)
    return runs


def _legend(chart: Chart, width: int, compact: bool) -> list[str]:
    out, x = [], 6
    size = 10 if compact else 11
    for series in chart.series:
        style = STYLES.get(series.key, FALLBACK)
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        out.append(
            f'<g class="journey-chart__legend-item">'
            f'<line x1="{x}" y1="10" x2="{x + 22}" y2="10" stroke="{style.colour}" '
            f'stroke-width="2"{dash}/>{_marker(style, x + 11, 10, False)}'
            f'<text x="{x + 27}" y="14" font-size="{size}" fill="{INK}">{escape(series.label)}</text>'
            f"</g>"
        )
        x += 27 + _text_width(series.label, size) + 12
    return out


def _text_width(text: str, size: int) -> int:
    """A rough width: CJK characters are square, Latin ones about 0.6 of the size."""
    return round(sum(size if ord(c) > 0x2E7F else size * 0.6 for c in text))


def render_svg(
    chart: Chart, *, width: int = 560, height: int = 220, compact: bool = False
) -> SafeString:
    """The chart as an accessible inline <svg> element."""
    frame = _Frame(chart, width, height, compact)
    font = 10 if compact else 11
    title_id, desc_id = f"{chart.key}-title", f"{chart.key}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journey-chart'
        f'{" journey-chart--compact" if compact else ""}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="sans-serif">',
        f'<title id="{escape(title_id)}">{escape(chart.title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(describe(chart))}</desc>',
        *_legend(chart, width, compact),
    ]
    for value in _value_ticks(frame.low, frame.high, compact):
        y = frame.y(value)
        out.append(
            f'<line x1="{frame.left}" y1="{y}" x2="{frame.right}" y2="{y}" stroke="{GRID}" '
            f'stroke-width="1"/>'
            f'<text x="{frame.left - 5}" y="{y + 4}" font-size="{font}" fill="{INK}" '
            f'text-anchor="end">{value}</text>'
        )
    for x, label in _year_ticks(frame, min_gap=44 if compact else 56):
        out.append(
            f'<line x1="{x}" y1="{frame.top}" x2="{x}" y2="{frame.bottom + 4}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="1 2"/>'
        )
        if label:
            out.append(
                f'<text x="{x}" y="{frame.bottom + 15}" font-size="{font}" fill="{INK}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    out.append(
        f'<line x1="{frame.left}" y1="{frame.bottom}" x2="{frame.right}" y2="{frame.bottom}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    for series in chart.series:
        style = STYLES.get(series.key, FALLBACK)
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        points = sorted(series.points, key=_day)
        out.append(f'<g class="journey-chart__series" data-rater="{escape(series.key)}">')
        for run in _runs(points):
            if len(run) > 1:
                coords = " ".join(
                    f"{frame.x(p.day)},{frame.y(p.value)}" for p in run if p.value is not None
                )
                out.append(
                    f'<polyline points="{coords}" fill="none" stroke="{style.colour}" '
                    f'stroke-width="2"{dash}/>'
                )
        for point in points:
            if point.value is not None:
                out.append(_marker(style, frame.x(point.day), frame.y(point.value), point.partial))
        out.append("</g>")
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
