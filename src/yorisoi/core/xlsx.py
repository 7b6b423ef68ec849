"""Tables to .xlsx: the one place the product writes Excel files.

Every cell is written with the type its column declares, never guessed from the value: text
is a string cell even when it starts with ``=`` (so a name such as ``=HYPERLINK(…)`` typed by
someone cannot become a live formula in another person's Excel), dates are real dates shown
as yyyy-mm-dd, numbers are numbers. Text that Excel would read as a formula once someone
edits the cell (``= + - @``, a tab or a line break first) also carries Excel's quote prefix,
the stored form of a leading apostrophe.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TEXT, DATE, DATETIME, NUMBER = "text", "date", "datetime", "number"
# What Excel (or LibreOffice) starts a formula or a DDE call with.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60
WIDTH_SAMPLE = 500  # rows looked at to size the columns (they must be sized before writing)


def _text(value: object) -> str:
    if value is None:
        return ""
    text: str = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text


def _local(value: datetime.datetime) -> datetime.datetime:
    # Excel has no time zones: write local wall-clock time, to the minute shown on the page.
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, second=0, microsecond=0)


class _Cells:
    """Makes the typed cells of one write-only sheet."""

    def __init__(self, sheet: WriteOnlyWorksheet):
        self.sheet = sheet

    def text(self, value: object) -> WriteOnlyCell | None:
        text = _text(value)
        if not text:
            return None
        cell = WriteOnlyCell(self.sheet, value=text)
        cell.data_type = "s"  # never "f", whatever the first character
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
        return cell

    def date(self, value: object) -> WriteOnlyCell | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime.datetime):
            value = _local(value).date()
        if not isinstance(value, datetime.date):
            return self.text(value)
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell

    def datetime(self, value: object) -> WriteOnlyCell | None:
        if value is None or value == "":
            return None
        if not isinstance(value, datetime.datetime):
            return self.date(value)
        cell = WriteOnlyCell(self.sheet, value=_local(value))
        cell.number_format = DATETIME_FORMAT
        return cell

    def number(self, value: object) -> WriteOnlyCell | int | float | Decimal | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return self.text(value)
        return value

    def make(self, kind: str, value: object) -> WriteOnlyCell | int | float | Decimal | None:
        """The cell for ``value`` in a column of this kind (TEXT, DATE, DATETIME or NUMBER)."""
        make: Callable[[object], WriteOnlyCell | int | float | Decimal | None] = getattr(self, kind)
        return make(value)


def _width(kind: str, value: object) -> int:
    if kind == DATE:
        return 12
    if kind == DATETIME:
        return 17
    text = _text(value)
    # Japanese characters are about two columns wide.
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text.split("\n")[0]) + 2


def workbook_bytes(
    title: str, headers: Sequence[str], kinds: Sequence[str], rows: Iterable[Sequence[Any]]
) -> bytes:
    """One sheet: a bold, frozen header row, then each row's values written as ``kinds`` say."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_text(title)[:31] or "Sheet1")
    rows = iter(rows)
    sample = list(islice(rows, WIDTH_SAMPLE))
    widths = [_width(TEXT, h) + 2 for h in headers]
    for row in sample:
        for i, (kind, value) in enumerate(zip(kinds, row, strict=True)):
            widths[i] = max(widths[i], _width(kind, value))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    cells = _Cells(sheet)
    bold = Font(bold=True)
    header_row = []
    for header in headers:
        cell = cells.text(header)
        assert cell is not None, "every column has a header"
        cell.font = bold
        header_row.append(cell)
    sheet.append(header_row)
    for row in chain(sample, rows):
        sheet.append([cells.make(kind, value) for kind, value in zip(kinds, row, strict=True)])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
