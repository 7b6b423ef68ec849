"""A4 print pages: the face sheet and the support record (支援記録票) of a case."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from yorisoi.audit import recorder
from yorisoi.audit.choices import AuditAction
from yorisoi.cases.models import Intake
from yorisoi.cases.views.mixins import CaseChildMixin
from yorisoi.consents.models import Consent
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.fields import JapaneseDateField


class FaceSheetView(CaseChildMixin, TemplateView):
    template_name = "cases/print_face_sheet.html"

    def get_context_data(self, **kwargs):
        case = self.case
        recorder.record(AuditAction.VIEW, case, detail={"print": "face_sheet"})
        return super().get_context_data(
            person=case.person,
            members=list(case.household.members.all()) if case.household_id else [],
            intake=Intake.objects.filter(case=case).first(),
            consents=list(
                Consent.objects.filter(case=case).in_force().select_related("given_by_member")
            ),
            **kwargs,
        )


class PeriodForm(forms.Form):
    start = JapaneseDateField(label=_("From"), required=False)
    end = JapaneseDateField(label=_("Until"), required=False)


class SupportRecordView(CaseChildMixin, TemplateView):
    """Contact records of a case for a date range, as the support record to print."""

    template_name = "cases/print_support_record.html"

    def get_context_data(self, **kwargs):
        form = PeriodForm(self.request.GET or None)
        contacts = (
            ContactRecord.objects.filter(case=self.case)
            .prefetch_related("staff__user", "with_members")
            .order_by("occurred_at")
        )
        start = end = None
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            if start:
                contacts = contacts.filter(occurred_at__date__gte=start)
            if end:
                contacts = contacts.filter(occurred_at__date__lte=end)
        recorder.record(
            AuditAction.VIEW,
            self.case,
            detail={"print": "support_record", "from": str(start or ""), "until": str(end or "")},
        )
        return super().get_context_data(
            period_form=form,
            contacts=list(contacts),
            start=start,
            end=end,
            printed_on=timezone.localdate(),
            **kwargs,
        )
