"""The organization's audit log for supervisors: read-only, filterable, exportable."""

from yorisoi.audit import tables
from yorisoi.audit.filtersets import AuditEventFilterSet
from yorisoi.audit.models import AuditEvent
from yorisoi.core.pagination import CappedPaginator
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedListView


class AuditEventListView(TableMixin, ScopedListView):
    """The log, newest first; ``?format=xlsx`` downloads the filtered log (itself logged)."""

    model = AuditEvent
    filterset_class = AuditEventFilterSet
    template_name = "audit/event_list.html"
    paginate_by = 100
    table = tables.EVENTS
    export_limit = 100_000
    # An organization's log grows by thousands of events a day; counting all of them was most
    # of the page's time. Past this many the page says so and the filters narrow it.
    count_limit = 10_000

    def get_paginator(self, queryset, *args, **kwargs):
        return CappedPaginator(queryset, *args, cap=self.count_limit, **kwargs)

    def export_objects(self):
        return self.get_queryset()[: self.export_limit].iterator(chunk_size=2000)
