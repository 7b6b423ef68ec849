from rest_framework import mixins, serializers

from yorisoi.audit import tables
from yorisoi.audit.filtersets import AuditEventFilterSet
from yorisoi.audit.models import AuditEvent
from yorisoi.core.api import ScopedViewSet
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "actor",
            "actor_username",
            "organization",
            "action",
            "object_type",
            "object_id",
            "object_label",
            "changes",
            "detail",
            "flagged",
            "ip_address",
            "path",
        ]
        read_only_fields = fields


class AuditEventViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[AuditEvent]
):
    """The organization's audit log, read-only (supervisors and system administrators)."""

    model = AuditEvent
    table = tables.EVENTS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilterSet
