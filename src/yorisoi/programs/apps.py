from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "yorisoi.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self) -> None:
        from yorisoi.core import navigation
        from yorisoi.programs import panels

        panels.register()
        navigation.register(
            _("Programs"), "programs:program_list", model="programs.Program", order=35
        )
