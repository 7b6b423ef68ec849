"""Lists from one declaration: a list's columns give its page table, its .xlsx and its API ordering.

An app declares each list once in its ``tables.py``::

    CASES = Table(
        "cases",
        _("Cases"),
        [
            Column("number", _("Case number"), link=lambda c: reverse(...), order_by="number"),
            Column("person", _("Person"), "person.display_name"),
            Column("name_kana", _("Furigana"), "person.name_kana", under="person"),
            Column("status", _("Status"), kind=CHOICE, css=lambda c: f"status status--{c.status}"),
            Column("opened_on", _("Opened on"), kind=DATE, order_by="opened_on"),
        ],
        model="cases.Case",
    )

and its view adds ``TableMixin`` with ``table = CASES``. The page renders the table with
``{% include "includes/table.html" %}`` and offers ``{% include "includes/xlsx_link.html" %}``;
the same URL with ``?format=xlsx`` (and the filter in force) downloads every filtered row, and
that download is written to the audit log here, in one place, with which rows left. A viewset
that sets ``table`` and adds ``TableOrdering`` to its filter backends orders by the columns that
declare ``order_by`` (``?ordering=-opened_on``).

Why not django-tables2 (a well-kept library, considered for this): its table would sit beside
the lists' filtersets, paginators (the capped one for note search) and search transactions
rather than replace them; its export goes through tablib, which writes each value as it comes
(a date is one cell, where our pages show 和暦 and ISO; formulas escaped only on request); and
it knows nothing of the REST API's ordering. What the product needs is this small module.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from django.apps import apps
from django.db import models
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic.base import ContextMixin, View
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.views import APIView

from yorisoi.core import dates, recorder, xlsx
from yorisoi.core.recorder import AuditAction

if TYPE_CHECKING:
    import django_filters

_M = TypeVar("_M", bound=models.Model)
_R = TypeVar("_R")

TEXT, DATE, DATETIME, NUMBER, CHOICE = "text", "date", "datetime", "number", "choice"
KINDS = (TEXT, DATE, DATETIME, NUMBER, CHOICE)
EXPORT_LIMIT = 50_000  # rows in one download; the filter narrows a longer list
AUDITED_IDS = 1_000  # an export names up to this many rows by id (always their number)
# Query parameters that are not filters: how the list is shown or sent, not which rows.
NOT_FILTERS = frozenset({"format", "page", "ordering"})
NOTHING_MATCHES = _("Nothing matches.")


@dataclass(frozen=True)
class Column:
    """One column of a list.

    ``accessor`` is a dotted path from the row (``"case.person.display_name"``; the column's
    name when omitted) or a function of the row. A ``choice`` column shows the label of the
    field at the end of the path. ``under`` puts the value on the page as a small line under
    another column; in the sheet it is a column of its own. ``page`` / ``sheet`` leave the
    column out of the one or the other; ``link`` (page) makes the value a link; ``css`` (page)
    wraps a value in a span of that class (a string or a function of the row); ``html``
    (page) gives the cell's HTML instead (a helper that escapes what it shows); ``order_by``
    is the ORM path (or paths) the API orders this column by.
    """

    name: str
    header: Any
    accessor: str | Callable[[Any], Any] | None = None
    kind: str = TEXT
    link: Callable[[Any], str | None] | None = None
    under: str | None = None
    page: bool = True
    sheet: bool = True
    css: str | Callable[[Any], str] = ""
    order_by: str | tuple[str, ...] | None = None
    truncate: int = 0  # page: shorten long text to this many characters (the sheet keeps it)
    multiline: bool = False  # page: keep the text's line breaks
    empty: str = ""  # page: what an empty cell shows
    html: Callable[[Any], str] | None = None  # page: the cell's own HTML, from a trusted helper

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def value(self, row: Any) -> Any:
        """The value the column shows for ``row`` (a choice's label, not its stored value)."""
        if callable(self.accessor):
            return self.accessor(row)
        *path, last = (self.accessor or self.name).split(".")
        obj = row
        for part in path:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        if self.kind == CHOICE:
            display = getattr(obj, f"get_{last}_display", None)
            if display is not None:
                return display()
        value = getattr(obj, last, None)
        if isinstance(value, models.Manager):
            return list(value.all())
        return value() if callable(value) else value

    @property
    def ordering(self) -> tuple[str, ...]:
        if self.order_by is None:
            return ()
        return (self.order_by,) if isinstance(self.order_by, str) else tuple(self.order_by)


def record_column(
    name: str,
    header: Any,
    url_name: str,
    *,
    kind: str = DATE,
    pk: str = "pk",
    sortable: bool = True,
) -> Column:
    """A record list's first column: when it happened, linked to the record's page (``pk``
    names the attribute that page takes), and sortable on the API."""
    return Column(
        name,
        header,
        kind=kind,
        link=lambda row: reverse(url_name, args=[getattr(row, pk)]),
        order_by=name if sortable else None,
    )


def as_text(value: Any) -> str:
    """How a text value reads in one cell: lists joined with 、, yes/no in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Yes") if value else ""
    if isinstance(value, list | tuple | set):
        return "、".join(as_text(v) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return ", ".join(f"{k}: {as_text(v)}" for k, v in value.items())
    return force_str(value)


def _day(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, datetime.date) else None


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def wareki_text(kind: str, value: Any) -> str:
    """A date in 和暦 as the page shows it ("令和7年4月1日", with " 14:05" for a moment)."""
    day = _day(value)
    if day is None:
        return as_text(value)
    shown = dates.format_wareki(day)
    if kind == DATETIME and isinstance(value, datetime.datetime):
        shown += f" {_local(value):%H:%M}"
    return shown


def _date_html(kind: str, value: Any) -> SafeString | str:
    day = _day(value)
    if day is None:
        return conditional_escape(as_text(value))
    iso = day.isoformat()
    attribute = _local(value).isoformat() if isinstance(value, datetime.datetime) else iso
    shown = wareki_text(kind, value)
    if dates.format_wareki(day) == iso:  # before 明治 there is no 和暦 to add
        return format_html('<time datetime="{}">{}</time>', attribute, shown)
    return format_html(
        '<time datetime="{}">{}</time> <span class="iso">({})</span>', attribute, shown, iso
    )


def _number_html(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return conditional_escape(as_text(value))
    return number_format(value, force_grouping=True)


@dataclass(frozen=True)
class Cell:
    column: Column
    html: SafeString


@dataclass(frozen=True)
class PageRow:
    obj: Any
    cells: list[Cell]
    css: str = ""


@dataclass
class Table:
    """A list's columns and what the whole list shares (its title, the model its rows are)."""

    name: str  # the download's file name, and a class on the page's table
    title: Any
    columns: Sequence[Column]
    model: str | type[models.Model] | None = None  # "app_label.Model": the rows, for the audit
    row_id: Callable[[Any], Any] = field(default=lambda row: row.pk)
    row_css: Callable[[Any], str] | None = None  # page: a class for the row
    css: str = ""  # page: more classes for the table (say, "table--compact")
    empty: Any = NOTHING_MATCHES

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: two columns share a name")
        for column in self.columns:
            if column.under is not None and column.under not in names:
                raise ValueError(f"{self.name}: {column.name} is under unknown {column.under}")

    # The page -----------------------------------------------------------------------------

    @cached_property
    def page_columns(self) -> list[Column]:
        return [c for c in self.columns if c.page and c.under is None]

    @cached_property
    def _under(self) -> dict[str, list[Column]]:
        found: dict[str, list[Column]] = {}
        for column in self.columns:
            if column.page and column.under is not None:
                found.setdefault(column.under, []).append(column)
        return found

    def _html(self, column: Column, row: Any) -> SafeString:
        value = column.value(row)
        html: str
        if column.html is not None:
            html = conditional_escape(column.html(row))
        elif value is None or value == "" or value == []:
            return conditional_escape(column.empty)
        elif column.kind in (DATE, DATETIME):
            html = _date_html(column.kind, value)
        elif column.kind == NUMBER:
            html = _number_html(value)
        else:
            text = as_text(value)
            if column.truncate:
                text = Truncator(text).chars(column.truncate)
            html = (
                linebreaksbr(text, autoescape=True)
                if column.multiline
                else conditional_escape(text)
            )
        css = column.css(row) if callable(column.css) else column.css
        if css:
            html = format_html('<span class="{}">{}</span>', css, html)
        url = column.link(row) if column.link is not None else None
        if url:
            html = format_html('<a href="{}">{}</a>', url, html)
        return mark_safe(html)  # noqa: S308 - every part above is escaped or format_html'd

    def page_rows(self, objects: Iterable[Any]) -> list[PageRow]:
        """The rows of the page's table, each cell's HTML made once here (not in a template)."""
        rows = []
        for obj in objects:
            cells = []
            for column in self.page_columns:
                html = self._html(column, obj)
                for sub in self._under.get(column.name, ()):
                    sub_html = self._html(sub, obj)
                    if sub_html:
                        html = format_html(
                            '{}<br><small class="cell__sub">{}</small>', html, sub_html
                        )
                cells.append(Cell(column, html))
            rows.append(PageRow(obj, cells, self.row_css(obj) if self.row_css else ""))
        return rows

    # The sheet ----------------------------------------------------------------------------

    @cached_property
    def sheet_columns(self) -> list[Column]:
        return [c for c in self.columns if c.sheet]

    def sheet_headers(self) -> list[str]:
        """A date column is two: in 和暦 as the page shows it, and the date itself (ISO)."""
        headers = []
        for column in self.sheet_columns:
            header = force_str(column.header)
            headers.append(header)
            if column.kind in (DATE, DATETIME):
                headers.append(gettext("%(column)s (ISO)") % {"column": header})
        return headers

    def sheet_kinds(self) -> list[str]:
        kinds = []
        for column in self.sheet_columns:
            if column.kind in (DATE, DATETIME):
                kinds += [xlsx.TEXT, column.kind]
            else:
                kinds.append(xlsx.NUMBER if column.kind == NUMBER else xlsx.TEXT)
        return kinds

    def sheet_values(self, row: Any) -> list[Any]:
        values = []
        for column in self.sheet_columns:
            value = column.value(row)
            if column.kind in (DATE, DATETIME):
                values += [wareki_text(column.kind, value) if value else "", value]
            elif column.kind == NUMBER:
                values.append(value)
            else:
                values.append(as_text(value))
        return values

    def workbook(self, objects: Iterable[Any]) -> bytes:
        return xlsx.workbook_bytes(
            force_str(self.title),
            self.sheet_headers(),
            self.sheet_kinds(),
            (self.sheet_values(obj) for obj in objects),
        )

    # The API ------------------------------------------------------------------------------

    def ordering(self) -> dict[str, tuple[str, ...]]:
        """Column names the API may order by, and the ORM paths each stands for."""
        return {c.name: c.ordering for c in self.columns if c.ordering}

    def model_class(self) -> type[models.Model] | None:
        if isinstance(self.model, str):
            return apps.get_model(self.model)
        return self.model


class Tally:
    """Counts the rows of a download as they are written, keeping the first ids for the audit."""

    def __init__(self, table: Table, objects: Iterable[Any]):
        self.table, self.objects = table, objects
        self.rows = 0
        self.ids: list[Any] = []

    def __iter__(self) -> Iterator[Any]:
        for obj in self.objects:
            self.rows += 1
            if len(self.ids) < AUDITED_IDS:
                self.ids.append(self.table.row_id(obj))
            yield obj


def record_export(
    table: Table,
    tally: Tally,
    request: HttpRequest,
    *,
    filterset: django_filters.FilterSet | None = None,
    **detail: Any,
) -> None:
    """The audit event of a download: which model, how many rows and their ids, which filters.

    Filters as the recorder keeps them for lists: names, and values only where they are not
    words someone typed (``recorder.filters_used``).
    """
    query = request.GET.copy()
    for name in NOT_FILTERS:
        query.pop(name, None)
    recorder.record(
        AuditAction.EXPORT,
        model=table.model_class(),
        label=force_str(table.title),
        detail={
            "rows": tally.rows,
            "ids": tally.ids,
            "ids_complete": tally.rows <= AUDITED_IDS,
            "table": table.name,
            **recorder.filters_used(query, filterset=filterset),
            **detail,
        },
    )


def xlsx_query(request: HttpRequest) -> str:
    """The page's query string with ``format=xlsx``: the download keeps the filter in force."""
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    query["format"] = "xlsx"
    return query.urlencode()


if TYPE_CHECKING:

    class _ListPage(ContextMixin, View):
        """What TableMixin takes from its view: a GET handler, and a queryset to export
        unless the view has its own ``export_objects``."""

        def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse: ...
        def get_queryset(self) -> models.QuerySet[Any]: ...
else:
    _ListPage = object


class TableMixin(_ListPage):
    """A list view whose ``table`` gives the page's table and, with ``?format=xlsx``, the .xlsx.

    The download runs through the view's own ``dispatch`` (so the same role and scope checks
    as the page) and holds every row of ``export_objects()``: by default the view's filtered
    queryset, unpaginated. ``export_only`` views answer every GET with the download.
    """

    table: Table
    export_limit = EXPORT_LIMIT
    export_only = False

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.export_only or request.GET.get("format") == "xlsx":
            return self.export_xlsx()
        return super().get(request, *args, **kwargs)

    def export_objects(self) -> Iterable[Any]:
        """Every row of the download (a list view's whole filtered queryset, unpaginated)."""
        return self.get_queryset()[: self.export_limit]

    def export_detail(self) -> dict[str, Any]:
        """More for the audit event (say, the case an export is of)."""
        return {}

    def export_filename(self) -> str:
        return f"{self.table.name}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"

    def export_xlsx(self) -> HttpResponse:
        tally = Tally(self.table, self.export_objects())
        content = self.table.workbook(tally)
        record_export(
            self.table,
            tally,
            self.request,
            filterset=getattr(self, "filterset", None),
            **self.export_detail(),
        )
        return xlsx.xlsx_response(self.export_filename(), content)

    def table_objects(self, context: dict[str, Any]) -> Iterable[Any]:
        """The rows of this page of the list."""
        objects: Iterable[Any] = context.get("object_list") or ()
        return objects

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["table"] = self.table
        context["table_rows"] = self.table.page_rows(self.table_objects(context))
        context["xlsx_query"] = xlsx_query(self.request)
        return context


class TableOrdering(OrderingFilter):
    """API ordering by the names of the list's columns (``?ordering=-opened_on,number``).

    A viewset sets ``table``; only the columns that declare ``order_by`` are offered, and each
    stands for its ORM paths. Ties are broken by id, so pages never overlap.
    """

    def get_valid_fields(
        self,
        queryset: models.QuerySet[Any],
        view: APIView,
        context: Mapping[str, Any] | None = None,
    ) -> list[tuple[str, str]]:
        table = _view_table(view)
        if table is None:
            return []
        return [(name, force_str(_column_header(table, name))) for name in table.ordering()]

    def get_default_ordering(self, view: APIView) -> Sequence[str] | None:
        return None  # the viewset's own queryset order stands unless the caller asks

    def filter_queryset(
        self, request: Request, queryset: models.QuerySet[_M, _R], view: APIView
    ) -> models.QuerySet[_M, _R]:
        terms = self.get_ordering(request, queryset, view)
        table = _view_table(view)
        if not terms or table is None:  # terms come only from a table's columns
            return queryset
        paths = table.ordering()
        order = []
        for term in terms:
            descending = term.startswith("-")
            for path in paths[term.lstrip("-")]:
                order.append(f"-{path}" if descending else path)
        return queryset.order_by(*order, "pk")

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        table = _view_table(view)
        if table is not None:
            names = list(table.ordering())
            for parameter in parameters:
                parameter["schema"] = {
                    "type": "array",
                    "items": {"type": "string", "enum": [*names, *(f"-{n}" for n in names)]},
                }
                parameter["explode"] = False
                parameter["style"] = "form"
        return parameters


def _view_table(view: APIView) -> Table | None:
    """The list a viewset declares (its ``table``), if any."""
    table: Table | None = getattr(view, "table", None)
    return table


def _column_header(table: Table, name: str) -> object:
    return next(c.header for c in table.columns if c.name == name)
