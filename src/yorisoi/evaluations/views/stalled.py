"""The supervisor's list of stalled cases, for focused review."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView

from yorisoi.cases.models import Case
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.views import MemberRequiredMixin
from yorisoi.evaluations.stalled import stalled_cases


class StalledCasesView(MemberRequiredMixin, TemplateView):
    model = Case
    template_name = "evaluations/stalled.html"

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        member = self.request.member
        years = member.organization.stalled_years
        rows = stalled_cases(member, today=timezone.localdate(), years=years)
        recorder.record(AuditAction.LIST, model=Case, label="stalled", detail={"rows": len(rows)})
        return super().get_context_data(rows=rows, years=years, **kwargs)
