"""Evaluations (評価) of a case and their scores; a missing rating stays missing, never zero."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.core.dates import fiscal_year_of
from yorisoi.core.models import TenantModel
from yorisoi.evaluations.choices import Rater, Timing
from yorisoi.evaluations.models.instruments import InstrumentVersion, Item
from yorisoi.evaluations.scoring import GroupTotal, SummaryLine, group_totals, summary
from yorisoi.organizations.fields import staff_field


def default_fiscal_year(rated_on: datetime.date, timing: str) -> int:
    """The 年度 an evaluation counts for: a year-end rating made in April or May closes the last."""
    year = fiscal_year_of(rated_on)
    if timing == Timing.FISCAL_YEAR_END and rated_on.month in (4, 5):
        return year - 1
    return year


class Evaluation(CaseRecord):
    """One rating of a case with one instrument version, at one moment, from one point of view."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("case")
    )
    instrument_version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("instrument version"),
    )
    timing = models.CharField(_("timing"), max_length=20, choices=Timing.choices)
    rated_on = models.DateField(_("rated on"))
    # Stored, not derived in queries: a year-end rating may belong to the year before its date.
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    rater = models.CharField(_("rated by"), max_length=20, choices=Rater.choices)
    rater_member = models.ForeignKey(
        "cases.HouseholdMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("family member who rated"),
    )
    rated_by = staff_field(_("staff member who rated"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    # What was rated, comparable between evaluations of one instrument (scoring.ratings_key):
    # the stalled-cases list compares the last ratings of every case without reading scores.
    ratings_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-rated_on", "-pk"]
        indexes = [
            models.Index(fields=["case", "-rated_on"], name="evaluation_case_date"),
            models.Index(fields=["organization", "fiscal_year"], name="evaluation_org_year"),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"

    @property
    def rater_label(self) -> str:
        """Who rated, as shown beside the scores: the family member or staff member by name."""
        if self.rater == Rater.FAMILY and self.rater_member_id:
            return str(self.rater_member)
        if self.rater == Rater.CASEWORKER and self.rated_by is not None:
            return f"{self.get_rater_display()} {self.rated_by.user}"
        return self.get_rater_display()

    def totals(self) -> list[GroupTotal]:
        """Totals of the yes/no groups (scores with their items should be prefetched)."""
        return group_totals(self.scores.all())

    def summary_lines(self) -> list[SummaryLine]:
        """Each level item's value and each group's total, for a line on the timeline."""
        return summary(self.scores.all())


class Score(TenantModel):
    """One item's rating in an evaluation; NULL when it was not rated (unknown, not zero)."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores", verbose_name=_("evaluation")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="scores", verbose_name=_("item")
    )
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)

    access_policy = CASE_RECORDS
    audit_changes = False  # logged once on the evaluation, naming the items that changed
    audit_reads = True

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["item__order", "item_id"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "item"], name="evaluation_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.value}"
