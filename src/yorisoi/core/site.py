"""The installation's own address, for links that leave the browser (e-mails, printed sheets)."""

from django.conf import settings
from django.urls import reverse


def absolute_url(path_or_name: str, *args: object) -> str:
    """``absolute_url("/cases/3/")`` or ``absolute_url("cases:case_detail", 3)``, under SITE_URL."""
    path = path_or_name if path_or_name.startswith("/") else reverse(path_or_name, args=args)
    return f"{settings.SITE_URL}{path}"
