from rest_framework import mixins, serializers

from yorisoi.audit.filtersets import AuditEventFilterSet
from yorisoi.audit.models import AuditEvent
from yorisoi.core.api import ScopedViewSet


class AuditEventSerializer(serializers.ModelSerializer):
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


class AuditEventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """The organization's audit log, read-only (supervisors and system administrators)."""

    model = AuditEvent
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilterSet
