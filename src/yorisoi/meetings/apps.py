from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "yorisoi.meetings"
    label = "meetings"
    verbose_name = _("Case meetings")

    def ready(self) -> None:
        from yorisoi.meetings import panels

        panels.register()
