"""Every list read of personal data is logged, and the log never keeps what was searched for.

The API routes come from the URL resolver, so a viewset added later is covered without
anyone remembering to add it here.
"""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from yorisoi.audit.models import AuditEvent
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client, page_client
from yorisoi.core.testing.samples import make_sample, samples
from yorisoi.core.tests.test_routes import ROUTES, fill, is_api, model_of

API_LISTS = [
    (pattern, entry)
    for (pattern, _name), entry in ROUTES
    if is_api(pattern) and (getattr(entry.callback, "actions", None) or {}).get("get") == "list"
]


def test_the_api_list_routes_are_found():
    """Guard for the test below: the resolver walk really yields the list endpoints."""
    paths = {pattern for pattern, _entry in API_LISTS}
    assert {"api/people/", "api/contacts/", "api/cases/", "api/household-members/"} <= paths
    assert len(paths) >= 20


@pytest.mark.django_db
@pytest.mark.parametrize(("pattern", "entry"), API_LISTS, ids=[p for p, _e in API_LISTS])
def test_every_api_list_read_of_personal_data_is_logged(pattern, entry, org, make_member):
    model = model_of(entry)
    if model in samples():
        make_sample(model, org, "一覧に出る記録")
    path = fill(pattern, "1")
    for role in (Role.SUPERVISOR, Role.SYSADMIN, Role.CASEWORKER, Role.CLERK):
        member = make_member(org, role)
        response = api_client(member).get(path)
        if response.status_code == 200:
            break
    else:
        pytest.fail(f"no role may list {path}")
    listed = AuditEvent.objects.filter(actor=member.user, action=AuditAction.LIST)
    if not getattr(model, "audit_reads", False):
        assert not listed.exists(), f"{path}: {model.__name__} holds no personal data"
        return
    event = listed.get()
    assert event.object_type == model._meta.label_lower
    assert event.path == path
    rows = response.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert event.detail["rows"] == len(rows)


WORD = "自傷"


@pytest.fixture
def searched(org, caseworker, supervisor):
    """A caseworker searched for 「自傷」 on the pages and through the API."""
    from yorisoi.contacts.tests.factories import ContactRecordFactory

    ContactRecordFactory(case__organization=org, case__primary_staff=caseworker)
    pages, api = page_client(caseworker), api_client(caseworker)
    for response in (
        pages.get(reverse("cases:case_list"), {"q": WORD, "status": "active"}),
        pages.get(reverse("contacts:search"), {"q": WORD}),
        pages.get(reverse("organizations:staff_list"), {"q": WORD}),
        api.get("/api/contacts/", {"q": WORD, "channel": "phone"}),
        api.get("/api/cases/", {"q": WORD}),
        api.get("/api/staff/", {"q": WORD}),
    ):
        assert response.status_code == 200
    return caseworker


def test_search_words_do_not_reach_the_audit_log(searched):
    events = AuditEvent.objects.filter(actor=searched.user, action=AuditAction.LIST)
    assert events.count() >= 5  # the searches were logged …
    for event in AuditEvent.objects.all():  # … but nothing typed into them was
        assert WORD not in repr((event.detail, event.path, event.object_label, event.changes)), (
            event.detail
        )
    api_search = events.get(path="/api/contacts/")
    assert api_search.detail["filters"] == ["channel", "q"]  # which filters were used
    assert api_search.detail["values"] == {"channel": "phone"}  # a choice value is kept
    case_search = events.get(path=reverse("cases:case_list"))
    assert case_search.detail["values"] == {"status": "active"}


def test_search_words_are_not_on_the_audit_page_export_or_api(searched, sysadmin):
    client = page_client(sysadmin)
    page = client.get(reverse("audit:event_list"))
    assert page.status_code == 200
    assert page.context["object_list"]
    assert WORD not in page.content.decode()
    export = client.get(reverse("audit:event_export"))
    book = load_workbook(BytesIO(export.content))
    cells = " ".join(str(c.value) for sheet in book for row in sheet for c in row)
    assert "filters" in cells  # the list events are in the export …
    assert WORD not in cells  # … without the words
    api = api_client(sysadmin).get("/api/audit-events/")
    assert api.status_code == 200
    assert api.json()["count"] >= 5
    assert WORD not in api.content.decode()


def test_an_export_query_keeps_no_search_words(as_member, sysadmin):
    client = as_member(sysadmin)
    response = client.get(reverse("audit:event_export"), {"actor": WORD, "action": "list"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.EXPORT, actor=sysadmin.user)
    assert event.detail["filters"] == ["action", "actor"]
    assert WORD not in str(event.detail)
