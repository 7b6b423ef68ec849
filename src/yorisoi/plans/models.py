"""Support plans (支援計画): versioned, the person's words apart from the family's, goals agreed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import HeardFrom, WishesStatus
from yorisoi.cases.choices import ApprovalStatus
from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.core.models import TenantModel
from yorisoi.organizations.fields import staff_field


class Domain(models.TextChoices):
    DAILY = "daily", _("Daily life")
    SOCIAL = "social", _("Social life")
    ECONOMIC = "economic", _("Economic life")
    OTHER = "other", _("One the person names")


class Horizon(models.TextChoices):
    SHORT = "short", _("Short term")
    MID = "mid", _("Medium term")
    LONG = "long", _("Long term")


class ProposedBy(models.TextChoices):
    PERSON = "person", _("The person")
    FAMILY = "family", _("The family")
    STAFF = "staff", _("Staff")
    TOGETHER = "together", _("Together")


class GoalsStatus(models.TextChoices):
    """Whether the plan has goals yet: a plan without goals can be deliberate (point 17)."""

    SET = "set", _("Goals are set")
    NOT_YET = "not_yet", _("No goals yet")


class SupportPlan(CaseRecord):
    """One version of a case's plan; a later version is a new record that starts from it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="plans", verbose_name=_("case")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    made_on = models.DateField(_("made on"))
    person_intentions = models.TextField(
        _("the person's intentions"), blank=True, help_text=_("In the person's own words.")
    )
    person_intentions_status = models.CharField(
        _("the person's intentions so far"),
        max_length=10,
        choices=WishesStatus.choices,
        blank=True,
        help_text=_("Empty only on plans made before this was asked."),
    )
    person_intentions_heard = models.CharField(
        _("how the person's intentions were heard"),
        max_length=10,
        choices=HeardFrom.choices,
        blank=True,
    )
    family_intentions = models.TextField(_("the family's intentions"), blank=True)
    goals_status = models.CharField(
        _("goals"),
        max_length=10,
        choices=GoalsStatus.choices,
        blank=True,
        help_text=_("Empty only on plans made before this was asked."),
    )
    review_on = models.DateField(_("review by"), null=True, blank=True)
    based_on_review = models.ForeignKey(
        "plans.PlanReview",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made after the review"),
    )
    approval = models.CharField(
        _("approval"),
        max_length=20,
        blank=True,
        choices=ApprovalStatus.choices,
        help_text=_("Empty when the organization does not ask for approval."),
    )
    made_by = staff_field(_("made by"), null=True, blank=True)

    class Meta:
        verbose_name = _("support plan")
        verbose_name_plural = _("support plans")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="plan_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.number}"


class Goal(TenantModel):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    domain_named = models.CharField(
        _("the domain in the person's words"), max_length=100, blank=True
    )
    horizon = models.CharField(_("horizon"), max_length=10, choices=Horizon.choices)
    text = models.CharField(_("goal"), max_length=300)
    steps = models.TextField(_("small steps"), blank=True)
    proposed_by = models.CharField(_("proposed by"), max_length=20, choices=ProposedBy.choices)
    person_agreed = models.BooleanField(_("the person agreed"), default=False)
    persons_own = models.BooleanField(
        _("the person's own goal"),
        default=False,
        help_text=_("Only with the person's agreement."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    access_policy = CASE_RECORDS
    audit_changes = False  # written with its plan version, whose creation is logged

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(persons_own=False) | models.Q(person_agreed=True),
                name="own_goal_needs_agreement",
                violation_error_message=_(
                    "A goal is the person's own only when the person agreed to it."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.text


class PlanReview(CaseRecord):
    """A look back at a plan: what changed; it feeds the next version."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("reviewed on"))
    what_changed = models.TextField(_("what changed"))
    reviewed_by = staff_field(_("reviewed by"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan review")
        verbose_name_plural = _("plan reviews")
        ordering = ["-reviewed_on", "-pk"]
