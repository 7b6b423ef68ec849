from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Synthetic demo data and ``yorisoi demo``: above every app, and no app imports it."""

    name = "yorisoi.demo"
    label = "demo"
    verbose_name = _("Demo data")
