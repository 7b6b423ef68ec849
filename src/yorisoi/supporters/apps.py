from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportersConfig(AppConfig):
    name = "yorisoi.supporters"
    label = "supporters"
    verbose_name = _("Supporters")

    def ready(self) -> None:
        from yorisoi.core import navigation
        from yorisoi.programs import services as program_services
        from yorisoi.supporters import panels, services

        # Nobody joins a program's team or is on duty before signing the pledge.
        program_services.register_team_check(services.check_assignable)
        panels.register()
        navigation.register(
            _("Supporters"), "supporters:supporter_list", model="supporters.Supporter", order=36
        )
        navigation.register(_("My page"), "supporters:mine", model="supporters.Supporter", order=5)
