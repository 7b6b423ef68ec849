from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "yorisoi.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from yorisoi.assessments import panels, pre_interviews, safety

        panels.register()
        safety.register()
        pre_interviews.register()
