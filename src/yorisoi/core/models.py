"""Abstract bases shared by every tenant-owned model."""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache
from typing import Any, Self

from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from yorisoi.core.scoping import AccessPolicy, TenantQuerySet


@lru_cache(maxsize=1024)
def _choice_labels(field: models.Field[Any, Any], language: str | None) -> dict[Any, str]:
    """A field's choices as value → translated label, made once per field and language."""
    return {value: force_str(label) for value, label in field.flatchoices}


# Field names never worth an audit entry on their own.
UNAUDITED_FIELDS = frozenset({"updated_at", "version", "last_login"})


class AuditedModel(models.Model):
    """A model whose creates, updates and deletes are written to the audit log.

    The values loaded from the database are kept so an update can name the fields it
    changed (names only: the audit log must not become a second copy of personal data).
    """

    audit_changes = True
    # True when a page or API detail showing one row shows personal data; the view is logged.
    audit_reads = False
    # Set by from_db: the row's values as loaded (absent on an instance not read from the database).
    _loaded_values: dict[str, Any]

    class Meta:
        abstract = True

    @classmethod
    def from_db(  # type: ignore[override]  # stubs: Django 6.1's fetch_mode; 5.2 is installed
        cls, db: str | None, field_names: Collection[str], values: Collection[Any]
    ) -> Self:
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def changed_fields(self) -> list[str]:
        """Names of concrete fields whose value differs from what was loaded."""
        loaded = getattr(self, "_loaded_values", None)
        if loaded is None:
            return []
        return [
            f.name
            for f in self._meta.concrete_fields
            if f.attname in loaded
            and f.name not in UNAUDITED_FIELDS
            and getattr(self, f.attname) != loaded[f.attname]
        ]

    def audit_label(self) -> str:
        """How the audit log names this row: never a person's name, only type and number."""
        return f"{self._meta.verbose_name} #{self.pk}"

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> object:
        # Django rebuilds and translates the whole choice list on every call; lists call this
        # hundreds of times per page, so the labels are looked up in a cached dict instead.
        value = getattr(self, field.attname)
        return _choice_labels(field, get_language()).get(value, force_str(value, strings_only=True))


class TenantModel(AuditedModel):
    """A row owned by exactly one organization, reached only through the scoping layer."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("organization"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Optimistic concurrency: an edit names the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = TenantQuerySet.as_manager()
    organization_lookup = "organization"
    access_policy = AccessPolicy()  # deny everything unless a model says otherwise

    class Meta:
        abstract = True
