"""The face sheet (A4): the case at a glance, with what other apps add to it."""

from django.views.generic import TemplateView

from yorisoi.cases import selectors
from yorisoi.cases.models import Intake
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.core import recorder
from yorisoi.core.recorder import AuditAction


class FaceSheetView(CaseChildMixin, TemplateView):
    template_name = "cases/print_face_sheet.html"

    def get_context_data(self, **kwargs):
        case = self.case
        recorder.record(AuditAction.VIEW, case, detail={"print": "face_sheet"})
        page = selectors.case_page(case, self.request.member, positions=("face_sheet",))
        return super().get_context_data(
            person=case.person,
            members=page.found["cases.household_members"],
            intake=Intake.objects.filter(case=case).first(),
            sections=page.panels["face_sheet"],
            **kwargs,
        )
