"""The start page and the health check."""

from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

from yorisoi.core.dates import fiscal_year_of
from yorisoi.core.views import MemberRequiredMixin


class HomeView(MemberRequiredMixin, TemplateView):
    """Where a member lands after signing in."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(today=today, fiscal_year=fiscal_year_of(today), **kwargs)


def healthz(request):
    """For the load balancer: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
