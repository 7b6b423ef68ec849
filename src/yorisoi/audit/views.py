"""The organization's audit log for supervisors: read-only, filterable, exportable."""

from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.audit.filtersets import AuditEventFilterSet
from yorisoi.audit.models import AuditEvent
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.views import ScopedListView
from yorisoi.core.xlsx import workbook_bytes, xlsx_response

EXPORT_LIMIT = 100_000


class AuditEventListView(ScopedListView):
    model = AuditEvent
    filterset_class = AuditEventFilterSet
    template_name = "audit/event_list.html"
    paginate_by = 100


class AuditEventExportView(AuditEventListView):
    """The filtered log as .xlsx; the export itself is logged."""

    def render_to_response(self, context, **kwargs):
        events = self.get_queryset()[:EXPORT_LIMIT]
        headers = [
            _("When"),
            _("Username"),
            _("Action"),
            _("Record type"),
            _("Record ID"),
            _("Record"),
            _("Changed fields"),
            _("Flagged for review"),
            _("Address"),
            _("Page or endpoint"),
            _("Detail"),
        ]
        rows = (
            (
                e.at,
                e.actor_username,
                e.get_action_display(),
                e.object_type,
                e.object_id,
                e.object_label,
                e.changes,
                _("Yes") if e.flagged else "",
                e.ip_address,
                e.path,
                e.detail,
            )
            for e in events.iterator()
        )
        content = workbook_bytes(_("Audit log"), headers, rows)
        recorder.record(
            AuditAction.EXPORT, model=AuditEvent, detail={"query": self.request.GET.urlencode()}
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return xlsx_response(f"audit-log-{stamp}.xlsx", content)

    def get_context_data(self, **kwargs):
        return {}
