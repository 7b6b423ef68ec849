from django.contrib import admin

from yorisoi.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log cannot be added to, changed or deleted here."""

    list_display = [
        "at",
        "actor_username",
        "organization",
        "action",
        "object_label",
        "ip_address",
        "flagged",
    ]
    list_filter = ["action", "flagged", "organization"]
    search_fields = ["actor_username", "object_type", "object_id"]
    date_hierarchy = "at"

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
