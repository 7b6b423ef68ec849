"""HTTP-level answers on every route: unknown methods, and nothing personal left in a cache."""

import pytest
from django.urls import reverse

from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client, page_client
from yorisoi.core.tests.test_routes import ROUTES, fill, is_api, route_id

UNKNOWN_METHODS = ("TRACE", "QUERY", "FOO")


@pytest.mark.django_db
@pytest.mark.parametrize("item", ROUTES, ids=route_id)
def test_an_unknown_method_answers_405_on_every_route(item, org, make_member):
    """Fuzzing found TRACE/QUERY/anything unknown answering 500 for a signed-in caller."""
    (pattern, _name), _entry = item
    member = make_member(org, Role.SUPERVISOR)
    client = (api_client if is_api(pattern) else page_client)(member)
    path = fill(pattern, "1")
    for method in UNKNOWN_METHODS:
        response = client.generic(method, path)
        assert response.status_code == 405, (method, path, response.status_code)
        assert "GET" in response["Allow"]


def test_the_api_refuses_an_unknown_method_itself_too(rf, supervisor):
    """Behind the middleware, the scoped API does not fail on a method it does not know."""
    from yorisoi.cases.api import CaseViewSet

    request = rf.generic("TRACE", "/api/cases/")
    request.user, request.member = supervisor.user, supervisor
    request._dont_enforce_csrf_checks = True
    view = CaseViewSet.as_view({"get": "list"})
    assert view(request).status_code == 405


def test_authenticated_pages_exports_and_api_answers_are_not_stored(
    as_member, api_as, supervisor, org
):
    from yorisoi.cases.tests.factories import CaseFactory

    case = CaseFactory(organization=org)
    client = as_member(supervisor)
    for response in (
        client.get(reverse("cases:case_list")),
        client.get(reverse("cases:case_detail", args=[case.pk])),
        client.get(reverse("audit:event_list")),
        client.get(reverse("accounts:account")),
        client.get(reverse("contacts:search"), {"q": "x"}),
        api_as(supervisor).get("/api/cases/"),
        api_as(supervisor).get(f"/api/cases/{case.pk}/"),
        api_as(supervisor).get("/api/cases/", {"nonsense": "1"}),  # an error answer too
    ):
        assert response.status_code in {200, 400}, response
        assert "no-store" in response["Cache-Control"], response.wsgi_request.path
        assert "private" in response["Cache-Control"]


def test_exports_are_not_stored(as_member, supervisor, org):
    from yorisoi.cases.tests.factories import CaseFactory

    case = CaseFactory(organization=org)
    response = as_member(supervisor).get(reverse("contacts:case_export", args=[case.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_token_callers_answers_are_not_stored(supervisor):
    from rest_framework.test import APIClient

    from yorisoi.organizations.services import issue_token

    _token, key = issue_token(actor=supervisor, name="集計")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = client.get("/api/cases/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_answers_to_anonymous_callers_are_left_alone(client, db):
    response = client.get(reverse("healthz"))
    assert "no-store" not in response.get("Cache-Control", "")
