from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DueConfig(AppConfig):
    """What is due and waits for someone: the kinds other apps register, listed and mailed."""

    name = "yorisoi.due"
    label = "due"
    verbose_name = _("What is due")

    def ready(self) -> None:
        from yorisoi.core.home import register_panel
        from yorisoi.due.views import due_panel

        register_panel("due/panel.html", due_panel, model="cases.Case", order=8)
