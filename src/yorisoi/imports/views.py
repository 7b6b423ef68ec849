"""Importing a ledger in the browser: check, give meanings to values outside the lists, check
again, then import in the background with its progress shown."""

import time
import uuid
from io import BytesIO

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View

from yorisoi.core import recorder
from yorisoi.core.importing import MAX_ROWS, ImportFileError, ImportReport, read_rows
from yorisoi.core.roles import Role
from yorisoi.core.views import MemberRequiredMixin, ScopedDetailView
from yorisoi.imports import jobs, registry, services
from yorisoi.imports.models import ImportJob
from yorisoi.imports.running import run_ledger
from yorisoi.organizations.models import Membership

SESSION_KEY = "yorisoi_pending_import"
MAX_UPLOAD = 20 * 1024 * 1024
EMPTY = "__empty__"  # the select's "leave the cell empty"


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
    staff = forms.CharField(
        label=gettext_lazy("Staff for rows with an empty 担当者 (contact records)"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "Leave it empty to import those rows with the staff marked as not recorded. A name "
            "that is not a current member is kept as written."
        ),
    )

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(item.key, item.label) for item in registry.ledgers()]
        if member is not None:
            names = (
                Membership.objects.for_member(member)
                .filter(is_active=True)
                .exclude(role=Role.SYSADMIN)
                .values_list("user__full_name", flat=True)
            )
            self.staff_names = sorted(name for name in names if name)
            self.fields["staff"].widget.attrs["list"] = "import-staff-names"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("The file is larger than 20 MB. Split it and import the parts.")
            )
        return upload


def _remove_stale_uploads(hours: int = 24) -> None:
    """Checked files never confirmed hold personal data: they do not stay longer than a day."""
    cutoff = time.time() - hours * 3600
    for path in jobs.media_dir().iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def _meaning_groups(report: ImportReport) -> list[dict]:
    """The values to give a meaning (first those outside the lists, then those read with a
    meaning already), each with its select's options and current choice."""
    groups = [
        {"column": u.column, "text": u.text, "rows": u.rows, "choices": u.choices, "current": None}
        for u in report.unknown
    ]
    for m in report.mapped:
        choices = next((u["choices"] for u in groups if u["column"] == m.column), None)
        groups.append(
            {
                "column": m.column,
                "text": m.text,
                "rows": m.rows,
                "choices": choices,
                "current": m.choice or EMPTY,
            }
        )
    return groups


class ImportView(MemberRequiredMixin, View):
    """Supervisors bring in Excel ledgers; nothing is written until the whole file is good."""

    template_name = "imports/import.html"

    def dispatch(self, request, *args, **kwargs):
        member = getattr(request, "member", None)
        if request.user.is_authenticated and member is not None and member.role != Role.SUPERVISOR:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def show(self, request, context, status=200):
        context = {"max_rows": f"{MAX_ROWS:,}", **context}
        return render(request, self.template_name, context, status=status)

    def form(self, *args, **kwargs):
        return ImportForm(*args, member=self.request.member, **kwargs)

    def get(self, request):
        recent = (
            ImportJob.objects.for_member(request.member)
            .select_related("created_by__user")
            .defer("data", "report")  # the file and the report: not for a list of names
        )
        return self.show(request, {"form": self.form(), "recent": recent[:5]})

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        if "recheck" in request.POST:
            return self.recheck(request)
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(request, {"form": form}, status=400)
        _remove_stale_uploads()
        self.discard_pending(request)
        kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
        data = upload.read()
        pending = {
            "token": uuid.uuid4().hex,
            "kind": kind,
            "filename": upload.name,
            "organization": request.member.organization_id,
            "staff": form.cleaned_data["staff"],
            "meanings": {},
        }
        return self.check(request, pending, data)

    def check(self, request, pending, data):
        """Check the file (nothing is written), keep it for the next step, show the report."""
        try:
            table = read_rows(BytesIO(data), filename=pending["filename"])
        except ImportFileError as error:
            messages.error(request, error.message)
            return self.show(
                request, {"form": self.form(initial={"kind": pending["kind"]})}, status=400
            )
        report = run_ledger(
            key=pending["kind"],
            organization=request.member.organization,
            actor=request.member,
            table=table,
            dry_run=True,
            meanings=pending["meanings"],
            staff_name=pending["staff"],
        )
        groups = _meaning_groups(report)
        pending["groups"] = [[g["column"], g["text"]] for g in groups]
        pending["ok"] = report.ok
        (jobs.media_dir() / pending["token"]).write_bytes(data)
        request.session[SESSION_KEY] = pending
        context = {
            "form": self.form(initial={"kind": pending["kind"], "staff": pending["staff"]}),
            "report": report,
            "filename": pending["filename"],
            "groups": groups,
            "empty": EMPTY,
            "pending": report.ok,
        }
        return self.show(request, context)

    def pending_file(self, request):
        """The file checked last in this session, for this organization; else (None, None)."""
        pending = request.session.get(SESSION_KEY)
        if not pending:
            return None, None
        path = jobs.media_dir() / pending["token"]
        # A file checked for one organization is never imported into another.
        if pending.get("organization") != request.member.organization_id or not path.exists():
            self.discard_pending(request)
            return None, None
        return pending, path

    def discard_pending(self, request):
        pending = request.session.pop(SESSION_KEY, None)
        if pending:
            (jobs.media_dir() / pending["token"]).unlink(missing_ok=True)

    def recheck(self, request):
        """Check the same file again with the meanings chosen for its values."""
        pending, path = self.pending_file(request)
        if pending is None:
            messages.warning(request, _("Please choose the file again."))
            return redirect("imports:import")
        meanings = dict(pending["meanings"])
        for index, (column, text) in enumerate(pending.get("groups", [])):
            choice = request.POST.get(f"meaning-{index}", "")
            if choice:
                meanings.setdefault(column, {})[text] = "" if choice == EMPTY else choice
        pending["meanings"] = meanings
        return self.check(request, pending, path.read_bytes())

    def confirm(self, request):
        pending, path = self.pending_file(request)
        if pending is None or not pending.get("ok"):
            self.discard_pending(request)
            messages.warning(request, _("Please choose the file again."))
            return redirect("imports:import")
        data = path.read_bytes()
        self.discard_pending(request)
        job = services.queue_import(
            actor=request.member,
            ledger=pending["kind"],
            filename=pending["filename"],
            data=data,
            options={"meanings": pending["meanings"], "staff": pending["staff"]},
            language=get_language() or "ja",
        )
        jobs.start(job)
        return redirect("imports:job", pk=job.pk)


class ImportJobView(ScopedDetailView):
    """A confirmed import: its progress while it runs, then what it did."""

    model = ImportJob
    template_name = "imports/job.html"
    context_object_name = "job"

    def get_queryset(self):
        return super().get_queryset().defer("data")  # the uploaded file (up to 20 MB)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(job_context(self.object))
        return context


class ImportJobStatusView(ScopedDetailView):
    """The part of the job page that changes, for the page to fetch while the import runs."""

    model = ImportJob
    template_name = "imports/job_status.html"
    context_object_name = "job"

    def get_queryset(self):
        return super().get_queryset().defer("data")  # fetched every second while it runs

    def get_object(self, queryset=None):
        # While it runs the fragment shows only progress (the job page logged the view); once
        # finished it shows the report, with rows and cells of the ledger: a read like any other.
        queryset = self.get_queryset() if queryset is None else queryset
        job = get_object_or_404(queryset, pk=self.kwargs["pk"])
        if job.finished:
            recorder.record_view(job)
        return job

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(job_context(self.object))
        return context


def job_context(job: ImportJob) -> dict:
    return {
        "progress": jobs.progress_of(job),
        "report": ImportReport.from_dict(job.report) if job.finished else None,
        "status_url": reverse("imports:job_status", args=[job.pk]),
        "waits_for_worker": job.status == ImportJob.Status.QUEUED and jobs.mode() == "worker",
    }
