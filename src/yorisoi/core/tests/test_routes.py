"""Every URL pattern and API route: anonymous users are kept out, other organizations get 404.

New routes are picked up automatically; a route this test cannot classify fails it, so
nobody can add a page or endpoint that skips these checks.
"""

import re
from io import BytesIO

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook
from rest_framework.test import APIClient

from yorisoi.core.roles import Role
from yorisoi.core.testing.clients import api_client, page_client
from yorisoi.core.testing.samples import make_sample
from yorisoi.core.xlsx import XLSX_TYPE

# Reachable without signing in, by design.
PUBLIC = {
    "accounts:login",
    "accounts:login_code",  # only continues a password step; otherwise back to login
    "accounts:two_factor_setup",  # likewise, or the signed-in user's own setup
    "set_language",
    "healthz",
    "programs:calendar_feed",  # a calendar app's read, by a secret key (programs tests)
}
# Acts on the signed-in user only (no object id): checked for login, not for scoping.
OWN_ACCOUNT = {
    "accounts:logout",
    "accounts:account",
    "accounts:password_change",
    "accounts:api_token",
    "organizations:switch",
    "programs:calendar",  # the signed-in member's own calendar address
}
POST_ONLY = {
    "meetings:action_done",
    "accounts:logout",
    "organizations:switch",
    "organizations:staff_reset_two_factor",
    "accounts:api_token",
}
ADMIN_PREFIX = settings.YORISOI_ADMIN_PATH
MARKER = "他組織だけの記録XYZ"


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}", entry


ROUTES = sorted({(p, n): e for p, n, e in walk(get_resolver().url_patterns)}.items())


def route_id(item):
    (pattern, name), _ = item
    return name or pattern


def fill(pattern: str, value: str) -> str:
    """A concrete path for a pattern: every converter or regex group becomes ``value``."""
    path = re.sub(r"<(?:\w+:)?\w+>", value, pattern)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", value, path)
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")


def model_of(entry):
    view = getattr(entry.callback, "view_class", None) or getattr(entry.callback, "cls", None)
    return getattr(view, "model", None)


def is_api(pattern):
    return pattern.startswith("api/")


def method_for(name, entry) -> str:
    """POST for forms and API actions that only accept it, GET otherwise."""
    actions = getattr(entry.callback, "actions", None)
    view = getattr(entry.callback, "view_class", None)
    only_post = view is not None and (
        "get" not in view.http_method_names or not hasattr(view, "get")
    )
    if name in POST_ONLY or only_post or (actions and "get" not in actions):
        return "post"
    return "get"


REFUSED = {401, 403, 404, 405}


@pytest.mark.django_db
@pytest.mark.parametrize("item", ROUTES, ids=route_id)
def test_anonymous_is_kept_out(item, client):
    (pattern, name), entry = item
    if name in PUBLIC:
        response = client.get(fill(pattern, "1"))
        # A calendar feed answers only to its secret key: "1" is none.
        assert response.status_code in {200, 302, 405} | (
            {404} if name == "programs:calendar_feed" else set()
        )
        return
    path = fill(pattern, "1")
    if is_api(pattern):
        response = APIClient().get(path)
        assert response.status_code in {401, 403}, path
    else:
        method = client.post if method_for(name, entry) == "post" else client.get
        response = method(path, follow=True)
        assert response.redirect_chain, path
        assert response.request["PATH_INFO"] == "/accounts/login/", response.redirect_chain


def text_of(response) -> str:
    """What a person would read in the response, including the cells of an .xlsx download."""
    if response.get("Content-Type", "").startswith(XLSX_TYPE):
        book = load_workbook(BytesIO(response.content))
        return " ".join(str(c.value) for sheet in book for row in sheet for c in row)
    return response.content.decode()


def _status_for(client, method, path):
    return getattr(client, method)(path).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("item", ROUTES, ids=route_id)
def test_other_organization_gets_404(item, org, other_org, make_member):
    (pattern, name), entry = item
    if name in PUBLIC or name in OWN_ACCOUNT or pattern.startswith(ADMIN_PREFIX):
        return  # no organization data behind this route; the anonymous test covers it
    if name in {"api:schema", "api:docs", "api:me"}:
        return  # describes the API or the caller, holds no organization's records
    model = model_of(entry)
    method = method_for(name, entry)
    members = {role: make_member(org, role) for role in Role}
    clients = {
        role: (api_client if is_api(pattern) else page_client)(member)
        for role, member in members.items()
    }
    has_object = bool(re.search(r"<(?:\w+:)?pk>", pattern))
    if has_object:
        assert model is not None, f"{name}: cannot tell which model {pattern} shows"
        own = make_sample(model, org, "自組織の記録")
        theirs = make_sample(model, other_org, MARKER)
        allowed = [
            role
            for role, c in clients.items()
            if _status_for(c, method, fill(pattern, str(own.pk))) not in REFUSED
        ]
        assert allowed, f"{name}: no role of the organization can open its own record"
        for role in allowed:
            response = getattr(clients[role], method)(fill(pattern, str(theirs.pk)))
            assert response.status_code == 404, (name, role, response.status_code)
    else:
        if model is not None:
            make_sample(model, other_org, MARKER)
        else:
            make_member(other_org, Role.CASEWORKER, user__full_name=MARKER)
        for role, c in clients.items():
            response = getattr(c, method)(fill(pattern, "1"))
            assert MARKER not in text_of(response), (name, role)


def test_every_route_is_classified():
    """Patterns with object ids must say which model they show, so the 404 test can run."""
    for (pattern, name), entry in ROUTES:
        if pattern.startswith(ADMIN_PREFIX) or name in PUBLIC | OWN_ACCOUNT:
            continue
        if re.search(r"<(?:\w+:)?pk>", pattern):
            assert model_of(entry) is not None, name
