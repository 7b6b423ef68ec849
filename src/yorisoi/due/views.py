"""The start page's panel of what is due, and the page with every item."""

from django import forms
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from yorisoi.core import recorder
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import MemberRequiredMixin, request_member
from yorisoi.due import tables
from yorisoi.due.registry import DueGroup, due_for, kinds

# The start page is a glance: the first few of each kind, with how many there are in all.
PANEL_ITEMS = 8
# The due page shows this many of each kind (a supervisor's kind can hold thousands); the
# download holds them all.
PAGE_ITEMS = 200


def due_panel(member) -> dict:
    """For the start page: the first few items of each kind and each kind's true number."""
    today = timezone.localdate()
    return {"groups": due_for(member, today, limit=PANEL_ITEMS), "today": today}


class DueKindForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + [
            (kind.key, kind.label) for kind in kinds() if kind.applies_to(member)
        ]


class DueListView(MemberRequiredMixin, TableMixin, TemplateView):
    """Every item due that the member answers for, kind by kind (``?kind=`` keeps to one)."""

    template_name = "due/due_list.html"
    table = tables.DUE

    @staticmethod
    def case_model():
        return apps.get_model("cases", "Case")  # named, never imported: cases sits above

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if (
            request.user.is_authenticated
            and member is not None
            and not self.case_model().access_policy.allows(member, "view")
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self) -> DueKindForm:
        return DueKindForm(self.request.GET or None, member=request_member(self.request))

    def groups(self, limit: int | None) -> list[DueGroup]:
        form = self.form
        chosen = form.cleaned_data.get("kind") if form.is_valid() else ""
        return due_for(
            request_member(self.request), timezone.localdate(), limit=limit, only=chosen or ""
        )

    def rows(self, groups: list[DueGroup]) -> list[tables.DueRow]:
        today = timezone.localdate()
        return [tables.DueRow(group.kind, item, today) for group in groups for item in group.items]

    def export_objects(self) -> list[tables.DueRow]:
        return self.rows(self.groups(limit=None))  # the download holds every item

    def table_objects(self, context):
        return context["rows"]

    def get_context_data(self, **kwargs):
        groups = self.groups(limit=PAGE_ITEMS)
        rows = self.rows(groups)
        recorder.record_list(self.case_model(), count=len(rows))
        return super().get_context_data(
            rows=rows,
            cut=[group for group in groups if group.more],
            filterset={"form": self.form},
            **kwargs,
        )
