from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "yorisoi.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from yorisoi.core import navigation

        navigation.register(_("Cases"), "cases:case_list", model="cases.Case", order=10)
        navigation.register(_("Inquiries"), "cases:inquiry_list", model="cases.Inquiry", order=20)

        from yorisoi.cases.approvals import pending_for
        from yorisoi.cases.due import due_panel
        from yorisoi.cases.selectors import my_work
        from yorisoi.core.home import register_panel

        register_panel("cases/panels/my_work.html", my_work, model="cases.Case", order=10)
        register_panel("cases/panels/due.html", due_panel, model="cases.Case", order=8)
        register_panel("cases/panels/approvals.html", pending_for, model="cases.Case", order=6)
