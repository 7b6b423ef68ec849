from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "yorisoi.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from yorisoi.core import navigation
        from yorisoi.organizations import panels

        panels.register()

        navigation.register(_("Home"), "core:home", model="organizations.Organization", order=0)
        navigation.register(
            _("Staff"), "organizations:staff_list", model="organizations.Membership", order=80
        )
        navigation.register(
            _("Organization settings"),
            "organizations:settings",
            model="organizations.Organization",
            action="change",
            order=90,
        )
