"""``yorisoi demo --no-serve``: idempotent, with every documented login working."""

import pytest
from django.core.management import call_command

from yorisoi.accounts.models import User
from yorisoi.demo.organizations import STAFF
from yorisoi.organizations.models import Membership, Organization


@pytest.mark.django_db
def test_demo_loads_once_and_again_without_duplicates(client, capsys):
    call_command("demo", no_serve=True)
    counts = (Organization.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("demo", no_serve=True)
    assert counts == (
        Organization.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    )
    assert counts == (2, 6, 6)
    output = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in output
    for username, *_ in STAFF:
        assert username in output
    # The demo needs no second factor: the password alone signs a newcomer in.
    response = client.post(
        "/accounts/login/", {"username": "caseworker", "password": "yorisoi-demo"}
    )
    assert response.status_code == 302
    assert "相談 花子" in client.get("/").content.decode()
    assert Membership.objects.get(user__username="other-caseworker").organization.slug == "demo-npo"


@pytest.mark.django_db
def test_demo_password_can_be_set(monkeypatch, client):
    monkeypatch.setenv("YORISOI_DEMO_PASSWORD", "another-demo-pass")
    call_command("demo", no_serve=True)
    response = client.post(
        "/accounts/login/", {"username": "supervisor", "password": "another-demo-pass"}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_demo_refuses_a_database_with_real_organizations():
    from django.core.management import CommandError

    from yorisoi.organizations.tests.factories import OrganizationFactory

    OrganizationFactory(slug="minato-center")
    with pytest.raises(CommandError):
        call_command("demo", no_serve=True)
