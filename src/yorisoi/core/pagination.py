"""A paginator that stops counting at a limit: counting every match of a common word is slow.

A search for 母 may match tens of thousands of notes; nobody pages through them all, and an
exact count would cost more than finding the newest ones. Past the limit the page says
"1,000 or more" and suggests adding a word.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_LIMIT = 1000


class CappedPaginator(Paginator):
    def __init__(self, *args, known_many: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_many = known_many  # the caller already knows there are more than the limit

    @cached_property
    def count(self) -> int:
        if self.known_many:
            return limit() + 1
        rows = self.object_list
        if not rows.query.is_sliced:
            rows = rows.order_by()  # without ORDER BY the database stops at the limit
        return rows[: limit() + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > limit()


def limit() -> int:
    return COUNT_LIMIT  # read at call time, so a test can lower it
