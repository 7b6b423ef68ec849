"""Changing organizations, their staff and API tokens. Every write checks permission and is
audited."""

import datetime
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from yorisoi.core import recorder
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Action
from yorisoi.core.services import require
from yorisoi.organizations.models import ApiToken, Membership, Organization


@transaction.atomic
def change_organization(
    *, actor: Membership, organization: Organization, expected_version: int, **fields: Any
) -> Organization:
    """Change the actor's own organization's settings."""
    require(actor, Organization, Action.CHANGE)
    if organization.pk != actor.organization_id:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.full_clean()
    save_versioned(organization, expected_version=expected_version)
    return organization


@transaction.atomic
def create_organization(
    *,
    slug: str,
    name: str,
    kind: str,
    prefecture: str,
    municipality: str = "",
    require_two_factor: bool | None = None,
) -> Organization:
    """Create a tenant. Installation level: for the admin and the ``createorg`` command."""
    organization = Organization(
        slug=slug, name=name, kind=kind, prefecture=prefecture, municipality=municipality
    )
    if require_two_factor is not None:
        organization.require_two_factor = require_two_factor
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def enroll_staff(
    *,
    organization: Organization,
    username: str,
    full_name: str,
    full_name_kana: str = "",
    email: str = "",
    role: str,
    title: str = "",
    password: str | None = None,
) -> Membership:
    """Give a person a role in an organization, creating their account if new.

    Installation level (commands); pages and the API go through ``add_staff``.
    """
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "full_name_kana": full_name_kana, "email": email},
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    membership = Membership(organization=organization, user=user, role=role, title=title)
    membership.full_clean()
    membership.save()
    return membership


def add_staff(*, actor: Membership, **details: Any) -> Membership:
    """A system administrator adds a new account to their own organization.

    An existing account (perhaps another organization's staff) is linked only by the
    installation's administrator: one organization must not reach another's accounts.
    """
    require(actor, Membership, Action.ADD)
    if get_user_model().objects.filter(username=details["username"]).exists():
        raise ValidationError({"username": _("This username is already in use. Choose another.")})
    return enroll_staff(organization=actor.organization, **details)


def may_reset_two_factor(actor: Membership, membership: Membership) -> bool:
    """Only for someone who works in the actor's organization alone (never a superuser)."""
    user = membership.user
    elsewhere = user.memberships.exclude(organization_id=actor.organization_id).filter(
        is_active=True
    )
    return not user.is_superuser and not elsewhere.exists()


@transaction.atomic
def change_staff(
    *, actor: Membership, membership: Membership, expected_version: int, **fields: Any
) -> Membership:
    """Change a staff member's role, title or active state in the actor's organization."""
    require(actor, Membership, Action.CHANGE)
    if membership.organization_id != actor.organization_id:
        raise PermissionDenied
    before = (membership.role, membership.is_active)
    for name, value in fields.items():
        setattr(membership, name, value)
    membership.full_clean()
    save_versioned(membership, expected_version=expected_version)
    if (membership.role, membership.is_active) != before:
        # A token must not keep the powers of a role its holder no longer has.
        revoke_tokens(membership=membership, reason="role_change")
    return membership


@transaction.atomic
def reset_two_factor(*, actor: Membership, membership: Membership) -> None:
    """Remove a staff member's authenticator (a lost phone); they register one at next sign-in.

    Their API tokens go too: whoever has the phone may have the tokens' holder's session.
    """
    require(actor, Membership, Action.CHANGE)
    if membership.organization_id != actor.organization_id:
        raise PermissionDenied
    if not may_reset_two_factor(actor, membership):
        raise ValidationError(
            _("This person also works elsewhere; ask the installation administrator.")
        )
    TOTPDevice.objects.devices_for_user(membership.user).delete()
    recorder.record(AuditAction.TWO_FACTOR, membership, detail={"change": "reset"})
    revoke_tokens(user=membership.user, reason="two_factor_reset")


def token_refusal(membership: Membership) -> str:
    """Why this member may not hold or use an API token now, or "" if they may."""
    if membership.organization.require_two_factor and not (
        TOTPDevice.objects.devices_for_user(membership.user, confirmed=True).exists()
    ):
        return _(
            "Your organization requires a second factor: register an authenticator app on "
            "your account page first."
        )
    return ""


@transaction.atomic
def issue_token(*, actor: Membership, name: str = "") -> tuple[ApiToken, str]:
    """A new API token for the actor, in the actor's organization. The key is returned once.

    It stays valid for the organization's ``api_token_days``. Only its hash is stored.
    """
    refusal = token_refusal(actor)
    if not actor.is_active or refusal:
        raise PermissionDenied(refusal)
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organization=actor.organization,
        membership=actor,
        name=name.strip()[:100],
        prefix=key[:6],
        digest=ApiToken.digest_of(key),
        expires_at=timezone.now() + datetime.timedelta(days=actor.organization.api_token_days),
    )
    recorder.record(
        AuditAction.TOKEN,
        actor,
        detail={"change": "issued", "token": token.prefix, "until": token.expires_at.isoformat()},
    )
    return token, key


@transaction.atomic
def revoke_token(*, user: AbstractBaseUser, token: ApiToken) -> None:
    """The holder revokes one of their own tokens (of any of their organizations)."""
    if token.membership.user_id != user.pk:
        raise PermissionDenied
    _revoke([token], reason="revoked")


def revoke_tokens(
    *, user: AbstractBaseUser | None = None, membership: Membership | None = None, reason: str
) -> int:
    """Revoke every token of a user (all organizations) or of one membership; how many went."""
    tokens = ApiToken.objects.select_related("membership")
    if membership is not None:
        tokens = tokens.filter(membership=membership)
    elif user is not None:  # by key: this app sits below accounts, users are AbstractBaseUser
        tokens = tokens.filter(membership__user_id=user.pk)
    else:
        return 0  # neither named: no token matches
    return _revoke(list(tokens), reason=reason)


def _revoke(tokens: list[ApiToken], *, reason: str) -> int:
    for token in tokens:
        recorder.record(
            AuditAction.TOKEN,
            token.membership,
            detail={"change": "revoked", "token": token.prefix, "reason": reason},
        )
    ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).delete()
    return len(tokens)


def touch_token(token: ApiToken) -> None:
    """Note when a token was last used (at most once a minute, so reads stay reads)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
