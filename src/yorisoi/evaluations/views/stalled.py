"""The supervisor's list of stalled cases, for focused review."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView

from yorisoi.cases.models import Case
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import MemberRequiredMixin
from yorisoi.evaluations import tables
from yorisoi.evaluations.stalled import stalled_cases


@dataclass(frozen=True)
class StalledRow:
    case: Case
    latest: Any  # the last two evaluations, which rated the same
    previous: Any


class StalledCasesView(MemberRequiredMixin, TableMixin, TemplateView):
    model = Case
    template_name = "evaluations/stalled.html"
    table = tables.STALLED

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def export_objects(self):
        member = self.request.member
        found = stalled_cases(
            member, today=timezone.localdate(), years=member.organization.stalled_years
        )
        return [StalledRow(case, evaluations[0], evaluations[1]) for case, evaluations in found]

    def table_objects(self, context):
        return context["rows"]

    def get_context_data(self, **kwargs):
        rows = self.export_objects()
        recorder.record(AuditAction.LIST, model=Case, label="stalled", detail={"rows": len(rows)})
        return super().get_context_data(
            rows=rows, years=self.request.member.organization.stalled_years, **kwargs
        )
