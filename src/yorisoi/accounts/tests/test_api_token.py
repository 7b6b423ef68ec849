import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from yorisoi.core.roles import Role


@pytest.fixture
def token_for(as_member):
    def issue(member):
        response = as_member(member).post(reverse("accounts:api_token"))
        assert response.status_code == 200
        key = Token.objects.get(user=member.user).key
        assert key in response.content.decode()  # shown once, on this page
        return key

    return issue


def test_token_authenticates_and_acts_in_the_first_organization(token_for, caseworker):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(caseworker)}")
    response = client.get("/api/me/")
    assert response.status_code == 200
    assert response.json()["active_organization"] == "home-org"


def test_organization_header_chooses_among_memberships(
    token_for, caseworker, other_org, make_member
):
    make_member(other_org, Role.SUPERVISOR, user=caseworker.user)
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {token_for(caseworker)}", HTTP_X_YORISOI_ORGANIZATION="other-org"
    )
    assert client.get("/api/me/").json()["active_organization"] == "other-org"
    assert client.get("/api/audit-events/").status_code == 200  # a supervisor there


def test_header_naming_a_foreign_organization_is_refused(token_for, caseworker, other_org):
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {token_for(caseworker)}", HTTP_X_YORISOI_ORGANIZATION="other-org"
    )
    assert client.get("/api/staff/").status_code == 403


def test_revoked_token_no_longer_works(as_member, token_for, caseworker):
    key = token_for(caseworker)
    as_member(caseworker).post(reverse("accounts:api_token"), {"revoke": "1"})
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/me/").status_code == 401


def test_a_token_never_borrows_the_sessions_membership(
    as_member, token_for, caseworker, other_org, make_member
):
    other = make_member(other_org, Role.SUPERVISOR, user__username="someone-else")
    client = as_member(caseworker)  # a browser session of the caseworker …
    response = client.get(
        "/api/me/", HTTP_AUTHORIZATION=f"Token {token_for(other)}"
    )  # … and another's token
    assert response.json()["username"] == "someone-else"
    assert response.json()["active_organization"] == "other-org"
