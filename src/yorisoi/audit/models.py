"""The audit log (監査ログ): append-only, never edited or deleted through any interface."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.scoping import AccessPolicy, TenantQuerySet


class AppendOnly(Exception):
    """The audit log cannot be changed once written."""


class AuditEventQuerySet(TenantQuerySet):
    def update(self, **kwargs):
        raise AppendOnly("audit events cannot be changed")

    def delete(self):
        raise AppendOnly("audit events cannot be deleted")


class AuditEvent(models.Model):
    """Who did what to which record, when, and from where."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # No database constraints: the log must outlive accounts and never be rewritten by a cascade.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record ID"), max_length=64, blank=True)
    object_label = models.CharField(_("record"), max_length=200, blank=True)
    changes = models.JSONField(_("changed fields"), default=list, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    flagged = models.BooleanField(_("flagged for review"), default=False)
    ip_address = models.GenericIPAddressField(
        pgettext_lazy("network", "address"), null=True, blank=True
    )
    path = models.CharField(_("page or endpoint"), max_length=500, blank=True)

    objects = AuditEventQuerySet.as_manager()
    organization_lookup = "organization"
    access_policy = AccessPolicy(view={Role.SUPERVISOR, Role.SYSADMIN})

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-at"], name="audit_org_at"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.object_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit events cannot be deleted")
