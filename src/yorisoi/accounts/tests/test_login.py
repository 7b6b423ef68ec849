"""Signing in: password, lockout, the second factor, idle timeout, password change."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

import yorisoi.settings as production_settings
from yorisoi.audit.models import AuditEvent
from yorisoi.organizations.tests.factories import MembershipFactory

PASSWORD = "correct horse battery staple"
LOGIN = "/accounts/login/"


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def post_password(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


@pytest.fixture
def two_factor_member(org):
    org.require_two_factor = True
    org.save()
    return MembershipFactory(organization=org, user__username="careful")


def test_production_hashes_passwords_with_argon2():
    assert "Argon2PasswordHasher" in production_settings.PASSWORD_HASHERS[0]


def test_password_login_without_second_factor(client, caseworker):
    response = post_password(client, "caseworker")
    assert response.status_code == 302
    assert response.url == reverse("core:home")
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="login", actor=caseworker.user).exists()


def test_wrong_password_is_refused_in_japanese_and_logged(client, caseworker):
    response = post_password(client, "caseworker", "wrong password")
    assert response.status_code == 200
    assert "ユーザー名またはパスワードが正しくありません" in response.content.decode()
    assert AuditEvent.objects.filter(action="login_failed", detail__username="caseworker").exists()


def test_repeated_failures_lock_the_account(client, caseworker):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_password(client, "caseworker", "wrong password")
    response = post_password(client, "caseworker")  # even the right password now waits
    assert response.status_code == 429
    assert "一時的に停止" in response.content.decode()
    assert client.get("/").status_code == 302


def test_second_factor_enrolment_then_code_at_every_login(client, two_factor_member):
    response = post_password(client, "careful")
    assert response.url == reverse("accounts:two_factor_setup")
    # The password alone is not a session: every page still asks to sign in.
    assert client.get("/").status_code == 302
    assert client.get("/api/me/").status_code in {401, 403}

    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=two_factor_member.user, confirmed=False)
    response = client.post(reverse("accounts:two_factor_setup"), {"token": code_for(device)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200

    client.post(reverse("accounts:logout"))
    response = post_password(client, "careful")
    assert response.url == reverse("accounts:login_code")
    bad = client.post(reverse("accounts:login_code"), {"token": "000000"})
    assert bad.status_code == 400
    device.refresh_from_db()
    device.throttling_failure_count = 0  # a real user waits out the throttle; the test resets it
    device.throttling_failure_timestamp = None
    device.last_t = -1  # the same code may not be used twice
    device.save()
    response = client.post(reverse("accounts:login_code"), {"token": code_for(device)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_code_step_without_password_step_goes_back_to_login(client):
    response = client.get(reverse("accounts:login_code"))
    assert response.status_code == 302
    assert response.url == LOGIN


def test_superuser_always_needs_second_factor(client, db):
    from yorisoi.accounts.models import User

    User.objects.create_superuser("root", "root@example.jp", PASSWORD)
    response = post_password(client, "root")
    assert response.url == reverse("accounts:two_factor_setup")


def test_switching_on_the_rule_ends_sessions_without_second_factor(client, caseworker, org):
    post_password(client, "caseworker")
    assert client.get("/").status_code == 200
    org.require_two_factor = True
    org.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == LOGIN
    assert client.get("/").status_code == 302


def test_idle_session_expires(client, caseworker):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    post_password(client, "caseworker")
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.expire_date > timezone.now() + timedelta(minutes=29)
    # Working keeps the session alive: a page opened after a minute moves the expiry on.
    session.expire_date = timezone.now() + timedelta(minutes=5)
    data = session.get_decoded()
    data["_touched"] -= 61
    session.session_data = Session.objects.encode(data)
    session.save()
    assert client.get("/").status_code == 200
    session.refresh_from_db()
    assert session.expire_date > timezone.now() + timedelta(minutes=29)
    # Within the minute the session is not written again (no three queries on every page).
    session.expire_date = timezone.now() + timedelta(minutes=5)
    session.save()
    assert client.get("/").status_code == 200
    session.refresh_from_db()
    assert session.expire_date < timezone.now() + timedelta(minutes=6)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    assert client.get("/").status_code == 302


def test_password_change_is_validated_and_logged(as_member, caseworker):
    client = as_member(caseworker)
    url = reverse("accounts:password_change")
    short = client.post(
        url, {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}
    )
    assert short.status_code == 200
    assert "短すぎます" in short.content.decode()
    new = "a much longer passphrase 2026"
    ok = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert ok.status_code == 302
    caseworker.user.refresh_from_db()
    assert caseworker.user.check_password(new)
    assert AuditEvent.objects.filter(action="password_change", actor=caseworker.user).exists()


def test_password_alone_cannot_replace_a_registered_authenticator(client, two_factor_member):
    device = TOTPDevice.objects.create(user=two_factor_member.user, name="phone", confirmed=True)
    response = post_password(client, "careful")
    assert response.url == reverse("accounts:login_code")
    setup = client.get(reverse("accounts:two_factor_setup"))
    assert setup.status_code == 302
    assert setup.url == reverse("accounts:login_code")
    client.post(reverse("accounts:two_factor_setup"), {"token": "123456"})
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()
    assert client.get("/").status_code == 302  # still not signed in
