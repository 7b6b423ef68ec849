"""Reading a list's .xlsx download in tests: its headers, and its cells by header."""

from dataclasses import dataclass
from io import BytesIO

from openpyxl import load_workbook

from yorisoi.core.xlsx import XLSX_TYPE


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list]  # openpyxl cells, header row left out

    def column(self, header: str) -> list:
        """The cells under ``header`` (a cell per row; its .value, .data_type, .number_format)."""
        index = self.headers.index(header)
        return [row[index] for row in self.rows]

    def values(self, header: str) -> list:
        return [cell.value for cell in self.column(header)]


def read_xlsx(response) -> Sheet:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows())
    return Sheet([cell.value for cell in rows[0]], [list(row) for row in rows[1:]])


def xlsx(client, url: str, **params):
    """GET the list's download with its filters, as the page's Excel link does."""
    return client.get(url, {**params, "format": "xlsx"})


def queries(client, url, assert_max, limit=25, **params) -> int:
    """How many queries the page (or, with format="xlsx", its download) runs, at most ``limit``."""
    client.get(url, params)  # warm the session and caches
    with assert_max(limit) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return len(captured.captured_queries)


def assert_queries_do_not_grow(client, url, assert_max, grow, limit=25, **params):
    """The page and its download run as many queries after ``grow()`` adds rows as before."""
    page = queries(client, url, assert_max, limit, **params)
    sheet = queries(client, url, assert_max, limit, **params, format="xlsx")
    grow()
    assert queries(client, url, assert_max, limit, **params) == page
    assert queries(client, url, assert_max, limit, **params, format="xlsx") == sheet
