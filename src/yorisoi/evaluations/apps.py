from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "yorisoi.evaluations"
    label = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self) -> None:
        from yorisoi.cases import extensions
        from yorisoi.core import navigation
        from yorisoi.evaluations import case_page

        extensions.register_panel(
            extensions.CasePanel(
                template="evaluations/panels/case_panel.html",
                context=case_page.panel_context,
                order=30,
                needs=case_page.panel_needs,
            )
        )
        extensions.register_timeline_kind(
            extensions.TimelineKind(
                "evaluation",
                _("Evaluations"),
                case_page.timeline_rows,
                "rated_on",
                "evaluations/includes/timeline_evaluation.html",
                30,
            )
        )
        # Only those who may define instruments get a menu entry; others reach them from cases.
        navigation.register(
            _("Evaluation instruments"),
            "evaluations:instrument_list",
            model="evaluations.Instrument",
            action="add",
            order=70,
        )

        from yorisoi.evaluations.due import register_due

        register_due()
