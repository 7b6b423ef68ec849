"""Writing audit events (監査ログ). Services and the generic views call these; nothing else writes the log.

The events are rows of the audit app's ``AuditEvent``; this module sits below every app so
that each can record without importing the audit app.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import django_filters
from django.apps import apps
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.http import QueryDict
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
    TOKEN = "token", _("API token issued or revoked")
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
    detail: dict[str, Any] | None = None,
    flagged: bool = False,
    actor: AbstractBaseUser | None = None,
    label: str = "",
) -> models.Model:
    """Append one event, attributed to the current request or command.

    A ``query`` in ``detail`` (a query string, as exports pass) is kept only as far as
    ``filters_used`` allows: never the words typed into a search.
    """
    if detail and isinstance(detail.get("query"), str | QueryDict):
        detail = dict(detail)
        detail.update(filters_used(detail.pop("query")))
    context = current()
    actor = actor if actor is not None else context.current_actor()
    target_model = obj._meta.model if obj is not None else model  # works for lazy users too
    if organization_id is None:
        organization_id = getattr(obj, "organization_id", None) or context.current_organization_id()
    return _event_model()._default_manager.create(
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


def record_many(action: str, objects: Sequence[models.Model], *, batch_size: int = 1000) -> None:
    """Append one event per object in a few statements (what ``record`` would write for each).

    For services that write rows in bulk (a ledger import of thousands of records), where
    ``bulk_create`` sends no post_save signal and one INSERT per event would dominate.
    """
    if not objects:
        return
    context = current()
    actor = context.current_actor()
    fallback_organization_id = context.current_organization_id()
    common = {
        "actor": actor,
        "actor_username": getattr(actor, "username", "") or "",
        "action": AuditAction(action),
        "ip_address": context.ip_address(),
        "path": context.path(),
    }
    event = _event_model()
    event._default_manager.bulk_create(
        [
            event(
                **common,
                organization_id=getattr(obj, "organization_id", None) or fallback_organization_id,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk) if obj.pk is not None else "",
                object_label=_label(obj)[:200],
            )
            for obj in objects
        ],
        batch_size=batch_size,
    )


def record_view(obj: models.Model) -> None:
    """Log that a page or API detail showed this record, if it holds personal data."""
    if getattr(obj, "audit_reads", False):
        record(AuditAction.VIEW, obj)


def record_list(
    model: type[models.Model],
    *,
    count: int,
    query: QueryDict | str | None = None,
    filterset: django_filters.FilterSet | None = None,
    values: dict[str, Any] | None = None,
) -> None:
    """Log that a list of personal-data records was shown (one event per page, not per row).

    The event says which filters were used and how many rows came back; see
    ``filters_used`` for which values are kept. ``values`` are ones the caller sets itself
    (ids, never anything typed), kept as they are.
    """
    if getattr(model, "audit_reads", False):
        record(
            AuditAction.LIST,
            model=model,
            label=str(model._meta.verbose_name_plural),
            detail={"rows": count, **filters_used(query, filterset=filterset, values=values)},
        )


# Choices, ids, dates, numbers and yes/no: values the form checked against a fixed set or a
# format, never words someone typed (a search word can be a person's name, or 「自傷」).
_CHECKED_FILTERS = (
    django_filters.ChoiceFilter,
    django_filters.TypedChoiceFilter,
    django_filters.MultipleChoiceFilter,
    django_filters.TypedMultipleChoiceFilter,
    django_filters.BooleanFilter,
    django_filters.DateFilter,
    django_filters.DateTimeFilter,
    django_filters.DateFromToRangeFilter,
    django_filters.NumberFilter,
)
# Choices drawn from the values in the table, or text split at commas: free text after all.
_UNCHECKED_FILTERS = (django_filters.AllValuesFilter, django_filters.CharFilter)


def filters_used(
    query: QueryDict | str | None,
    *,
    filterset: django_filters.FilterSet | None = None,
    values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the audit log keeps of a list's query: the names of the filters used, and values
    only of filters whose values are not free text.

    The system administrator reads the log but may not read case records; a search word
    kept in the log would show them what caseworkers looked for. So a value is kept only
    when the filterset validated it as a choice, an id, a date, a number or a yes/no (and
    the page number); every other parameter is named without its value.
    """
    if query is None:
        query = QueryDict()
    elif isinstance(query, str):
        query = QueryDict(query)
    used = sorted({name for name, given in query.lists() if any(v != "" for v in given)})
    kept: dict[str, Any] = dict(values or {})
    checked = _checked_values(filterset) if filterset is not None else {}
    for name in used:
        if name in checked:
            kept[name] = checked[name]
        elif name == "page" and (page := query.get(name, "")).isdigit():
            kept[name] = int(page)
    result: dict[str, Any] = {}
    if used or kept:
        result["filters"] = sorted(set(used) | set(kept))
    if kept:
        result["values"] = kept
    return result


def _checked_values(filterset: django_filters.FilterSet) -> dict[str, object]:
    form = filterset.form
    if not form.is_valid():
        return {}
    checked: dict[str, object] = {}
    for name, filter_ in filterset.filters.items():
        if not isinstance(filter_, _CHECKED_FILTERS) or isinstance(filter_, _UNCHECKED_FILTERS):
            continue
        value = _plain(form.cleaned_data.get(name))
        if value not in (None, "", []):
            checked[name] = value
    return checked


def _plain(value: object) -> object:
    """A JSON-safe form of a cleaned filter value: records by id, dates as ISO text."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, slice):  # a from-to range
        return [_plain(value.start), _plain(value.stop)]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool | int | str) or value is None:
        return value
    return str(value)


def _label(obj: models.Model | None) -> str:
    if obj is None:
        return ""
    label = getattr(obj, "audit_label", None)
    return label() if callable(label) else f"{obj._meta.verbose_name} #{obj.pk}"
