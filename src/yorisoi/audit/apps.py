from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "yorisoi.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from yorisoi.audit import signals

        signals.connect()

        from yorisoi.core import navigation

        navigation.register(_("Audit log"), "audit:event_list", model="audit.AuditEvent", order=85)
