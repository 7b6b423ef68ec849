from yorisoi.audit.models import AuditEvent
from yorisoi.core.recorder import AuditAction
from yorisoi.core.testing.samples import sample_for


@sample_for(AuditEvent)
def sample_audit_event(organization, marker):
    return AuditEvent.objects.create(
        organization=organization, action=AuditAction.VIEW, object_label=marker
    )
