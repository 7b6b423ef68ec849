"""The supervisor's list of stalled cases, for focused review."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import TemplateView

from yorisoi.cases.models import Case
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import MemberRequiredMixin
from yorisoi.evaluations import tables
from yorisoi.evaluations.stalled import find_stalled, read_stalled


@dataclass(frozen=True)
class StalledRow:
    case: Case
    latest: Any  # the last two evaluations, which rated the same
    previous: Any


class StalledCasesView(MemberRequiredMixin, TableMixin, TemplateView):
    model = Case
    template_name = "evaluations/stalled.html"
    table = tables.STALLED
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def found(self):
        member = self.request.member
        return find_stalled(
            member, today=timezone.localdate(), years=member.organization.stalled_years
        )

    def rows(self, found):
        return [
            StalledRow(case, evaluations[0], evaluations[1])
            for case, evaluations in read_stalled(self.request.member, found)
        ]

    def export_objects(self):
        return self.rows(self.found())

    def table_objects(self, context):
        return context["rows"]

    def get_context_data(self, **kwargs):
        found = self.found()
        # A page at a time: only its cases' evaluations and scores are read.
        paginator = Paginator(found, self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        rows = self.rows(page.object_list)
        recorder.record(AuditAction.LIST, model=Case, label="stalled", detail={"rows": len(found)})
        return super().get_context_data(
            rows=rows,
            paginator=paginator,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            years=self.request.member.organization.stalled_years,
            **kwargs,
        )
