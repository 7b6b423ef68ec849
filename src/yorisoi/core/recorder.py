"""Writing audit events (監査ログ). Services and the generic views call these; nothing else writes the log.

The events are rows of the audit app's ``AuditEvent``; this module sits below every app so
that each can record without importing the audit app.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.core.acting import current


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    LIST = "list", _("Listed")
    EXPORT = "export", _("Exported")
    IMPORT = "import", _("Imported")
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOGOUT = "logout", _("Signed out")
    PASSWORD_CHANGE = "password_change", _("Password changed")
    TWO_FACTOR = "two_factor", _("Second factor changed")
    TOKEN = "token", _("API token issued")
    PROVIDE = "provide", _("Provided to a third party")
    RECEIVE = "receive", _("Received from another organization")


@cache
def _event_model() -> type[models.Model]:
    # The log's table belongs to the audit app, above this layer: named, never imported.
    return apps.get_model("audit", "AuditEvent")


def record(
    action: str,
    obj: models.Model | None = None,
    *,
    model: type[models.Model] | None = None,
    organization_id: int | None = None,
    changes: list[str] | None = None,
    detail: dict | None = None,
    flagged: bool = False,
    actor=None,
    label: str = "",
) -> models.Model:
    """Append one event, attributed to the current request or command."""
    context = current()
    actor = actor if actor is not None else context.current_actor()
    target_model = obj._meta.model if obj is not None else model  # works for lazy users too
    if organization_id is None:
        organization_id = getattr(obj, "organization_id", None) or context.current_organization_id()
    return _event_model().objects.create(
        actor=actor,
        actor_username=getattr(actor, "username", "") or "",
        organization_id=organization_id,
        action=AuditAction(action),
        object_type=target_model._meta.label_lower if target_model is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_label=(label or _label(obj))[:200],
        changes=changes or [],
        detail=detail or {},
        flagged=flagged,
        ip_address=context.ip_address(),
        path=context.path(),
    )


def record_view(obj: models.Model) -> None:
    """Log that a page or API detail showed this record, if it holds personal data."""
    if getattr(obj, "audit_reads", False):
        record(AuditAction.VIEW, obj)


def record_list(model: type[models.Model], *, count: int, query: str = "") -> None:
    """Log that a list of personal-data records was shown (one event per page, not per row)."""
    if getattr(model, "audit_reads", False):
        record(
            AuditAction.LIST,
            model=model,
            label=str(model._meta.verbose_name_plural),
            detail={"rows": count, "query": query[:300]},
        )


def _label(obj) -> str:
    if obj is None:
        return ""
    label = getattr(obj, "audit_label", None)
    return label() if callable(label) else f"{obj._meta.verbose_name} #{obj.pk}"
