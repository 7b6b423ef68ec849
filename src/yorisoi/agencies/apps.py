from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "yorisoi.agencies"
    label = "agencies"
    verbose_name = _("Agency directory")

    def ready(self) -> None:
        from yorisoi.agencies import panels
        from yorisoi.core import navigation

        panels.register()

        navigation.register(
            _("Agencies"), "agencies:agency_list", model="agencies.Agency", order=40
        )
