from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "yorisoi.plans"
    label = "plans"
    verbose_name = _("Support plans")

    def ready(self) -> None:
        from yorisoi.plans import panels

        panels.register()
