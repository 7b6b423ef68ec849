"""Bootstrapping an installation from the command line: organization, then its first admin."""

import io

import pytest
from django.core.management import CommandError, call_command

from yorisoi.audit.models import AuditEvent
from yorisoi.organizations.models import Membership, Organization


@pytest.mark.django_db
def test_create_organization_and_first_sysadmin(monkeypatch, client):
    call_command(
        "createorg",
        "--slug",
        "sendai-center",
        "--name",
        "テスト市センター",
        "--kind",
        "regional_center",
        "--prefecture",
        "04",
        "--municipality",
        "テスト市",
    )
    org = Organization.objects.get(slug="sendai-center")
    assert org.require_two_factor  # on unless explicitly switched off
    monkeypatch.setattr("sys.stdin", io.StringIO("a sufficiently long passphrase\n"))
    call_command(
        "addstaff",
        "--org",
        "sendai-center",
        "--username",
        "admin1",
        "--full-name",
        "管理 一",
        "--role",
        "sysadmin",
        "--password-from-stdin",
    )
    assert Membership.objects.get(user__username="admin1").role == "sysadmin"
    assert AuditEvent.objects.filter(path="command:addstaff", action="create").exists()
    # The organization requires a second factor, so the password leads to registering one.
    response = client.post(
        "/accounts/login/", {"username": "admin1", "password": "a sufficiently long passphrase"}
    )
    assert response.url == "/accounts/two-factor/setup/"


@pytest.mark.django_db
def test_commands_refuse_bad_input_with_a_reason(monkeypatch):
    with pytest.raises(CommandError, match="slug"):
        call_command(
            "addstaff",
            "--org",
            "nowhere",
            "--username",
            "x",
            "--full-name",
            "x",
            "--role",
            "caseworker",
            "--password-from-stdin",
        )
    call_command(
        "createorg", "--slug", "dup", "--name", "A", "--kind", "other", "--prefecture", "13"
    )
    with pytest.raises(CommandError):
        call_command(
            "createorg", "--slug", "dup", "--name", "B", "--kind", "other", "--prefecture", "13"
        )
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError, match=r"短すぎ|too short"):
        call_command(
            "addstaff",
            "--org",
            "dup",
            "--username",
            "y",
            "--full-name",
            "y",
            "--role",
            "caseworker",
            "--password-from-stdin",
        )
