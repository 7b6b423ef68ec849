"""A paginator that stops counting at a limit: counting every match of a common word is slow.

A search for 母 may match tens of thousands of notes; nobody pages through them all, and an
exact count would cost more than finding the newest ones. Past the limit the page says
"1,000 or more" and suggests adding a word.
"""

from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property

COUNT_LIMIT = 1000

if TYPE_CHECKING:
    _Paginator = Paginator[models.Model]
else:  # Django's Paginator takes no type parameter at runtime
    _Paginator = Paginator


class CappedPaginator(_Paginator):
    object_list: models.QuerySet[models.Model]  # a queryset: the database stops counting

    def __init__(
        self, *args: Any, known_many: bool = False, cap: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.known_many = known_many  # the caller already knows there are more than the limit
        self.cap = cap  # a limit of this list's own (the module's COUNT_LIMIT without one)

    @property
    def limit(self) -> int:
        return self.cap if self.cap is not None else limit()

    @cached_property
    def count(self) -> int:
        if self.known_many:
            return self.limit + 1
        rows = self.object_list
        if not rows.query.is_sliced:
            rows = rows.order_by()  # without ORDER BY the database stops at the limit
        return rows[: self.limit + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.limit


def limit() -> int:
    return COUNT_LIMIT  # read at call time, so a test can lower it
