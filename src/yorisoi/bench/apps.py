from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """``yorisoi bench``: data at a large organization's scale and page timings."""

    name = "yorisoi.bench"
    label = "bench"
    verbose_name = _("Benchmark")
