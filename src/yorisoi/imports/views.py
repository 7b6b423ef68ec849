"""Importing a ledger in the browser: check first, see every problem, then import for real."""

import time
import uuid
from io import BytesIO
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from yorisoi.core import recorder
from yorisoi.core.importing import ImportFileError, read_rows, run_import
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.views import MemberRequiredMixin
from yorisoi.imports import registry

SESSION_KEY = "yorisoi_pending_import"
MAX_UPLOAD = 20 * 1024 * 1024


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What the file holds"),
        choices=(),
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=gettext_lazy("File (.xlsx or .csv)"),
        help_text=gettext_lazy(
            "CSV may be UTF-8 or Shift_JIS. The first row holds the column names."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(item.key, item.label) for item in registry.ledgers()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than 20 MB. Split it and import the parts.")
            )
        return upload


def _pending_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_stale_uploads(hours: int = 24) -> None:
    """Checked files never confirmed hold personal data: they do not stay longer than a day."""
    cutoff = time.time() - hours * 3600
    for path in _pending_dir().iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


class ImportView(MemberRequiredMixin, View):
    """Supervisors bring in Excel ledgers; nothing is written until the whole file is good."""

    template_name = "imports/import.html"

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": ImportForm()})

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        _remove_stale_uploads()
        kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
        data = upload.read()
        report = self.run(request, kind, data, upload.name, dry_run=True)
        if report is None:
            return render(request, self.template_name, {"form": form}, status=400)
        context = {
            "form": ImportForm(initial={"kind": kind}),
            "report": report,
            "filename": upload.name,
        }
        if report.ok:
            token = uuid.uuid4().hex
            (_pending_dir() / token).write_bytes(data)
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": kind,
                "filename": upload.name,
                "organization": request.member.organization_id,
            }
            context["pending"] = True
        return render(request, self.template_name, context)

    def confirm(self, request):
        pending = request.session.pop(SESSION_KEY, None)
        path = _pending_dir() / pending["token"] if pending else None
        # A file checked for one organization is never imported into another.
        if pending and pending.get("organization") != request.member.organization_id:
            path.unlink(missing_ok=True)
            pending = None
        if not pending or not path.exists():
            messages.warning(request, _("Please choose the file again."))
            return redirect("imports:import")
        data = path.read_bytes()
        path.unlink()
        report = self.run(request, pending["kind"], data, pending["filename"], dry_run=False)
        if report is not None and report.ok:
            recorder.record(
                AuditAction.IMPORT,
                model=apps.get_model(registry.ledger(pending["kind"]).model),
                detail={
                    "kind": pending["kind"],
                    "file": pending["filename"],
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
            messages.success(request, report.as_text())
            return redirect("cases:case_list")
        return render(
            request, self.template_name, {"form": ImportForm(), "report": report}, status=400
        )

    def run(self, request, kind, data, filename, *, dry_run):
        try:
            table = read_rows(BytesIO(data), filename=filename)
        except ImportFileError as error:
            messages.error(request, error.message)
            return None
        importer = registry.ledger(kind).importer
        return run_import(
            table, dry_run=dry_run, **importer(request.member.organization, request.member)
        )
