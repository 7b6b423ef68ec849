"""Optimistic concurrency: two people editing one record never silently overwrite each other."""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

from django.db.models import F
from django.db.models.options import Options
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """Someone else saved the record after this edit began."""

    message = _(
        "Someone else saved this record while you were editing it. "
        "Your changes have not been saved. Reload the page to see the latest version, "
        "then make your changes again."
    )

    def __str__(self) -> str:
        return str(self.message)


class Versioned(Protocol):
    """A model instance with a ``version`` counter (TenantModel's, or a model's own)."""

    _meta: ClassVar[Options[Any]]
    pk: Any
    version: int

    def save(self) -> None: ...


def save_versioned(instance: Versioned, *, expected_version: int) -> None:
    """Save ``instance`` only if its stored version is still ``expected_version``.

    The version bump is one conditional UPDATE, which is atomic on PostgreSQL and SQLite
    alike; the save that follows runs in the caller's transaction.
    """
    bumped = instance._meta.base_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not bumped:
        raise EditConflict
    instance.version = expected_version + 1
    instance.save()
