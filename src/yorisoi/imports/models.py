"""What the import keeps: the meanings an organization gave to ledger values, and the imports
running in the background."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.core.models import TenantModel
from yorisoi.core.roles import Role
from yorisoi.core.scoping import AccessPolicy
from yorisoi.organizations.fields import staff_field

SUPERVISORS = AccessPolicy(view={Role.SUPERVISOR}, add={Role.SUPERVISOR}, change={Role.SUPERVISOR})


class ValueMapping(TenantModel):
    """What a value outside a column's choice list means, as the organization said once.

    Used again whenever the same ledger holds the same value (compared ignoring width, case
    and spaces), so a center maps its own words only once.
    """

    ledger = models.CharField(_("ledger"), max_length=30)
    column = models.CharField(_("column"), max_length=50)
    value_key = models.CharField(max_length=200, editable=False)  # core.importing.choice_key
    value = models.CharField(_("value in the ledger"), max_length=200)
    choice = models.CharField(_("read as"), max_length=50, blank=True)  # "" leaves it empty
    set_by = staff_field(_("set by"), on_delete=models.SET_NULL, null=True, blank=True)

    access_policy = SUPERVISORS

    class Meta:
        verbose_name = _("meaning of a ledger value")
        verbose_name_plural = _("meanings of ledger values")
        ordering = ["ledger", "column", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "ledger", "column", "value_key"],
                name="value_mapping_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.column}: {self.value} → {self.choice or '—'}"


class ImportJob(TenantModel):
    """A confirmed import, run in the background so a large file holds no request.

    The file's bytes are kept only until the job has run. Progress is told through a small
    file beside the uploads (see ``imports.jobs``): the import itself is one transaction, and
    on SQLite nothing else can write while it is open.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REFUSED = "refused", _("Nothing imported")
        FAILED = "failed", _("Stopped by an error")

    ledger = models.CharField(_("ledger"), max_length=30)
    filename = models.CharField(_("file"), max_length=255)
    data = models.BinaryField(editable=False)
    options = models.JSONField(default=dict, blank=True, editable=False)  # meanings, staff
    language = models.CharField(max_length=10, default="ja", editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    report = models.JSONField(default=dict, blank=True, editable=False)
    created_by = staff_field(_("started by"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    access_policy = SUPERVISORS
    audit_reads = True  # the report names rows and cells of a ledger with personal data

    class Meta:
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="import_job_queue")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.REFUSED, self.Status.FAILED}
