from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    name = "yorisoi.consents"
    label = "consents"
    verbose_name = _("Consents")

    def ready(self) -> None:
        from yorisoi.consents import panels

        panels.register()
