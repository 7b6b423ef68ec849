"""Organizations (tenants), the staff who work in them, and their API tokens."""

import datetime
import hashlib
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.core.models import AuditedModel, TenantModel
from yorisoi.core.prefectures import Prefecture
from yorisoi.core.roles import ALL_ROLES, Role
from yorisoi.core.scoping import AccessPolicy, TenantQuerySet
from yorisoi.organizations.choices import OrganizationKind


def _require_two_factor_default() -> bool:
    return settings.YORISOI_REQUIRE_TWO_FACTOR_DEFAULT


class Organization(AuditedModel):
    """A support organization (支援機関): the tenant every personal record belongs to."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name (slug)"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    prefecture = models.CharField(_("prefecture"), max_length=2, choices=Prefecture.choices)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    require_two_factor = models.BooleanField(
        _("require a second factor at login"),
        default=_require_two_factor_default,
        help_text=_("Staff must enter a code from an authenticator app after their password."),
    )
    urgent_meeting_days = models.PositiveSmallIntegerField(
        _("days to hold a case meeting after an urgent judgement"),
        default=3,
        validators=[MaxValueValidator(60)],
    )
    silence_days = models.PositiveSmallIntegerField(
        _("days without contact before a case is listed as due"),
        default=60,
        validators=[MaxValueValidator(365)],
        help_text=_("A letter left unanswered does not count as contact."),
    )
    cancellation_alert_count = models.PositiveSmallIntegerField(
        _("cancellations in a row before a case is listed for supervisors"),
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(20)],
        help_text=_("Meetings with the person or family called off one after another."),
    )
    stalled_years = models.PositiveSmallIntegerField(
        _("years of support before unchanged ratings are listed for review"),
        default=3,
        validators=[MaxValueValidator(20)],
    )
    referral_follow_up_weeks = models.PositiveSmallIntegerField(
        _("weeks after a referral to ask whether support started"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    approve_plans = models.BooleanField(
        _("new support plans need a supervisor's approval"), default=False
    )
    approve_closures = models.BooleanField(
        _("closing a case needs a supervisor's approval"), default=False
    )
    api_token_days = models.PositiveSmallIntegerField(
        _("days an API token stays valid"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Applies to tokens already issued too; a shorter period ends them sooner."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    # The organization is its own tenant: a member sees exactly their own.
    objects = TenantQuerySet.as_manager()
    organization_lookup = "pk"
    access_policy = AccessPolicy(view=ALL_ROLES, change={Role.SYSADMIN})

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def organization_id(self) -> int:
        """An organization owns itself, so audit and scoping treat it like any tenant row."""
        return self.pk

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.slug}"


class Membership(TenantModel):
    """A user's place in one organization, with one role (DESIGN §2)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Staff who have left keep their records but can no longer sign in here."),
    )

    access_policy = AccessPolicy(view=ALL_ROLES, add={Role.SYSADMIN}, change={Role.SYSADMIN})
    audit_reads = True  # staff contact details are personal data too

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                name="one_membership_per_org",
                violation_error_message=_(
                    "This person is already on the staff of this organization."
                ),
            )
        ]
        ordering = ["organization", "user__full_name_kana", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} ({self.organization})"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_key(self, key: str) -> "ApiToken | None":
        """The token with this key, with its member, user and organization; None if unknown."""
        return (
            self.select_related("membership__user", "membership__organization")
            .filter(digest=ApiToken.digest_of(key))
            .first()
        )


ApiTokenManager = models.Manager.from_queryset(ApiTokenQuerySet)


class ApiToken(models.Model):
    """A key a program uses to call the REST API as one member. Only its hash is stored.

    A token acts in its member's organization only, for that organization's number of
    days (``Organization.api_token_days``), and is revoked when its holder's password,
    second factor, role or active state changes.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("member")
    )
    name = models.CharField(_("what it is for"), max_length=100, blank=True)
    # The first characters, so the holder can tell tokens apart; too few to guess the rest.
    prefix = models.CharField(_("begins with"), max_length=8)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects: ClassVar[ApiTokenManager] = ApiTokenManager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.membership})"

    @staticmethod
    def digest_of(key: str) -> str:
        # A key is 32 random bytes: a plain SHA-256 cannot be reversed or guessed.
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def valid_until(self) -> datetime.datetime:
        """The earlier of the expiry set at issue and the organization's current period."""
        days = self.membership.organization.api_token_days
        return min(self.expires_at, self.created_at + datetime.timedelta(days=days))

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.prefix}…"
