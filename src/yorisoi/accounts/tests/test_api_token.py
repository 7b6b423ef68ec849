"""API tokens: hashed, expiring, listed and revoked on the account page, and revoked whenever
what they stand for changes (password, second factor, role, active state)."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from yorisoi.audit.models import AuditEvent
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.organizations import services
from yorisoi.organizations.models import ApiToken

KEY = re.compile(r'<code class="secret secret--large">([^<]+)</code>')


@pytest.fixture
def token_for(as_member):
    """Issue a token on the account page as a member would; returns the key shown once."""

    def issue(member, name="集計スクリプト"):
        response = as_member(member).post(reverse("accounts:api_token"), {"name": name})
        assert response.status_code == 200
        return KEY.search(response.content.decode()).group(1)

    return issue


def api(key, **headers):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}", **headers)
    return client


def test_token_authenticates_and_acts_in_its_organization(token_for, caseworker):
    response = api(token_for(caseworker)).get("/api/me/")
    assert response.status_code == 200
    assert response.json()["active_organization"] == "home-org"


def test_only_a_hash_of_the_key_is_stored(token_for, caseworker):
    key = token_for(caseworker)
    token = ApiToken.objects.get()
    assert key not in {token.digest, token.prefix, token.name}
    assert token.digest == ApiToken.digest_of(key)
    assert key.startswith(token.prefix)
    assert len(token.prefix) < 8
    for event in AuditEvent.objects.all():
        assert key not in repr(event.detail)


def test_the_key_is_shown_once_and_then_only_its_beginning(as_member, token_for, caseworker):
    key = token_for(caseworker)
    page = as_member(caseworker).get(reverse("accounts:account")).content.decode()
    assert key not in page
    assert f"{key[:6]}…" in page
    assert "集計スクリプト" in page


def test_a_token_expires_after_the_organizations_period(token_for, caseworker, org):
    org.api_token_days = 30
    org.save()
    key = token_for(caseworker)
    token = ApiToken.objects.get()
    assert abs(token.expires_at - token.created_at - datetime.timedelta(days=30)).seconds < 5
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = api(key).get("/api/me/")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_shorter_period_ends_tokens_already_issued(token_for, caseworker, org):
    key = token_for(caseworker)
    ApiToken.objects.update(created_at=timezone.now() - datetime.timedelta(days=10))
    assert api(key).get("/api/me/").status_code == 200
    org.api_token_days = 7
    org.save()
    assert api(key).get("/api/me/").status_code == 401


def test_the_default_period_is_90_days(db):
    from yorisoi.organizations.tests.factories import OrganizationFactory

    assert OrganizationFactory().api_token_days == 90


def test_last_use_is_recorded(token_for, caseworker):
    key = token_for(caseworker)
    assert ApiToken.objects.get().last_used_at is None
    api(key).get("/api/me/")
    used = ApiToken.objects.get().last_used_at
    assert used is not None
    assert timezone.now() - used < datetime.timedelta(minutes=1)


def test_the_organization_header_must_name_the_tokens_organization(
    token_for, caseworker, other_org, make_member
):
    make_member(other_org, Role.SUPERVISOR, user=caseworker.user)
    key = token_for(caseworker)
    assert api(key, HTTP_X_YORISOI_ORGANIZATION="home-org").get("/api/me/").status_code == 200
    other = api(key, HTTP_X_YORISOI_ORGANIZATION="other-org").get("/api/audit-events/")
    assert other.status_code == 403  # a token of one organization never acts in another


def test_header_naming_a_foreign_organization_is_refused(token_for, caseworker, other_org):
    client = api(token_for(caseworker), HTTP_X_YORISOI_ORGANIZATION="other-org")
    assert client.get("/api/staff/").status_code == 403


def test_revoked_token_no_longer_works(as_member, token_for, caseworker):
    key = token_for(caseworker)
    token = ApiToken.objects.get()
    as_member(caseworker).post(reverse("accounts:api_token"), {"revoke": token.pk})
    assert not ApiToken.objects.exists()
    assert api(key).get("/api/me/").status_code == 401
    event = AuditEvent.objects.filter(action=AuditAction.TOKEN).latest("id")
    assert event.detail == {"change": "revoked", "token": token.prefix, "reason": "revoked"}


def test_nobody_revokes_anothers_token(as_member, token_for, caseworker, supervisor):
    token_for(caseworker)
    token = ApiToken.objects.get()
    response = as_member(supervisor).post(reverse("accounts:api_token"), {"revoke": token.pk})
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_several_tokens_are_listed_and_revoked_one_by_one(as_member, token_for, caseworker):
    first, second = token_for(caseworker, "一つ目"), token_for(caseworker, "二つ目")
    page = as_member(caseworker).get(reverse("accounts:account")).content.decode()
    assert "一つ目" in page
    assert "二つ目" in page
    as_member(caseworker).post(
        reverse("accounts:api_token"), {"revoke": ApiToken.objects.get(name="一つ目").pk}
    )
    assert api(first).get("/api/me/").status_code == 401
    assert api(second).get("/api/me/").status_code == 200


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


def test_changing_the_password_revokes_the_tokens(as_member, token_for, caseworker):
    key = token_for(caseworker)
    response = as_member(caseworker).post(
        reverse("accounts:password_change"),
        {
            "old_password": "correct horse battery staple",
            "new_password1": "a quite different passphrase 42",
            "new_password2": "a quite different passphrase 42",
        },
    )
    assert response.status_code == 302
    assert api(key).get("/api/me/").status_code == 401
    assert AuditEvent.objects.filter(
        action=AuditAction.TOKEN, detail__reason="password_change"
    ).exists()


def test_a_password_set_by_the_administrator_revokes_the_tokens_too(token_for, caseworker):
    key = token_for(caseworker)
    user = get_user_model().objects.get(pk=caseworker.user_id)
    user.set_password("set by the admin site 77")
    user.save()
    assert api(key).get("/api/me/").status_code == 401


def test_signing_in_again_keeps_the_tokens(client, token_for, caseworker):
    key = token_for(caseworker)
    client.post(
        reverse("accounts:login"),
        {"username": caseworker.user.username, "password": "correct horse battery staple"},
    )
    assert api(key).get("/api/me/").status_code == 200


def test_resetting_the_second_factor_revokes_the_tokens(as_member, token_for, caseworker, sysadmin):
    key = token_for(caseworker)
    response = as_member(sysadmin).post(
        reverse("organizations:staff_reset_two_factor", args=[caseworker.pk])
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=caseworker.user).exists()
    assert api(key).get("/api/me/").status_code == 401


@pytest.mark.parametrize(
    "change", [{"role": Role.SUPERVISOR}, {"is_active": False}], ids=["role", "deactivated"]
)
def test_a_role_change_or_deactivation_revokes_the_tokens(change, token_for, caseworker, sysadmin):
    key = token_for(caseworker)
    services.change_staff(
        actor=sysadmin, membership=caseworker, expected_version=caseworker.version, **change
    )
    assert api(key).get("/api/me/").status_code == 401
    assert not ApiToken.objects.exists()


def test_a_title_change_keeps_the_tokens(token_for, caseworker, sysadmin):
    key = token_for(caseworker)
    services.change_staff(
        actor=sysadmin, membership=caseworker, expected_version=caseworker.version, title="主任"
    )
    assert api(key).get("/api/me/").status_code == 200


def test_a_later_second_factor_requirement_refuses_the_token(token_for, caseworker, org):
    key = token_for(caseworker)
    TOTPDevice.objects.filter(user=caseworker.user).delete()  # never set one up
    org.require_two_factor = True
    org.save()
    response = api(key).get("/api/me/")
    assert response.status_code == 401
    TOTPDevice.objects.create(user=caseworker.user, name="app", confirmed=True)
    assert api(key).get("/api/me/").status_code == 200  # set up now: the token works again


def test_no_token_is_issued_without_the_required_second_factor(caseworker, org):
    from django.core.exceptions import PermissionDenied

    org.require_two_factor = True
    org.save()
    with pytest.raises(PermissionDenied):
        services.issue_token(actor=caseworker)
    assert not ApiToken.objects.exists()


def test_an_inactive_account_cannot_use_its_token(token_for, caseworker):
    key = token_for(caseworker)
    get_user_model().objects.filter(pk=caseworker.user_id).update(is_active=False)
    assert api(key).get("/api/me/").status_code == 401


def test_drf_plain_text_tokens_are_gone():
    from django.conf import settings

    assert "rest_framework.authtoken" not in settings.INSTALLED_APPS


def test_issuing_and_revoking_are_in_the_organizations_audit_log(token_for, caseworker):
    token_for(caseworker)
    issued = AuditEvent.objects.get(action=AuditAction.TOKEN)
    assert issued.organization_id == caseworker.organization_id
    assert issued.detail["change"] == "issued"


def test_the_schema_still_documents_token_authentication(tmp_path, db):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(path))
    text = path.read_text()
    assert "tokenAuth" in text
    assert 'prefix "Token"' in text


def test_the_account_page_says_until_when_a_token_is_valid_and_when_it_was_last_used(
    as_member, token_for, caseworker
):
    from yorisoi.core.dates import format_wareki

    key = token_for(caseworker, "集計スクリプト")
    page = as_member(caseworker).get(reverse("accounts:account")).content.decode()
    token = ApiToken.objects.get()
    assert format_wareki(timezone.localtime(token.valid_until).date()) in page
    last_used_cell = page.split("集計スクリプト", 1)[1].split("</tr>", 1)[0]
    assert "<td>なし</td>" in last_used_cell  # never used yet
    api(key).get("/api/me/")
    token.refresh_from_db()
    assert token.last_used_at is not None
    page = as_member(caseworker).get(reverse("accounts:account")).content.decode()
    assert format_wareki(timezone.localtime(token.last_used_at).date()) in page
