from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "yorisoi.handovers"
    label = "handovers"
    verbose_name = _("Handovers")

    def ready(self) -> None:
        from yorisoi.core import navigation
        from yorisoi.handovers import panels

        navigation.register(
            _("Handovers"), "handovers:handover_list", model="handovers.Handover", order=28
        )
        panels.register()
