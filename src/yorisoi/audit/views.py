"""The organization's audit log for supervisors: read-only, filterable, exportable."""

from yorisoi.audit import tables
from yorisoi.audit.filtersets import AuditEventFilterSet
from yorisoi.audit.models import AuditEvent
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

    def export_objects(self):
        return self.get_queryset()[: self.export_limit].iterator(chunk_size=2000)
