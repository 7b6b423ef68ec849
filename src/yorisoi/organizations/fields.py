"""The one declaration of a member of staff named on a record: who made, decided, reviewed or
recorded it. Kept when the member leaves (PROTECT), and no reverse accessor on Membership."""

from typing import Any

from django.db import models


def staff_field(
    verbose_name: Any, *, on_delete: Any = models.PROTECT, related_name: str = "+", **options: Any
) -> "models.ForeignKey[Any, Any]":
    return models.ForeignKey(
        "organizations.Membership",
        on_delete=on_delete,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )
