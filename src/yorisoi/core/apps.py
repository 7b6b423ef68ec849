from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "yorisoi.core"
    label = "core"
    verbose_name = "yorisoi core"
