from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """Excel ledgers in: the page and the command over the ledgers apps register."""

    name = "yorisoi.imports"
    label = "imports"
    verbose_name = _("Ledger import")
