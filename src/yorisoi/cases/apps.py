from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "yorisoi.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from yorisoi.cases import due, selectors  # noqa: F401  (selectors registers timeline kinds)
        from yorisoi.cases.importers import case_import
        from yorisoi.core import navigation
        from yorisoi.imports import registry as imports

        navigation.register(_("Cases"), "cases:case_list", model="cases.Case", order=10)
        navigation.register(_("Inquiries"), "cases:inquiry_list", model="cases.Inquiry", order=20)
        due.register_due()
        imports.register(imports.Ledger("cases", _("Case ledger"), "cases.Case", case_import, 10))
