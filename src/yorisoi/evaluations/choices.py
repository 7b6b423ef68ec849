"""Choices of evaluations: when, by whom, and the kinds of item an instrument holds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    LEVEL = "level", _("Levels")
    YES_NO = "yes_no", _("Yes or no (1 point for yes)")


class Timing(models.TextChoices):
    """The moments the handbook evaluates at, and any other moment the team chooses."""

    FIRST_INTERVIEW = "first_interview", _("First interview")
    FISCAL_YEAR_END = "fiscal_year_end", _("End of the fiscal year")
    CLOSING = "closing", _("Closing")
    AD_HOC = "ad_hoc", _("Any other time")


class Rater(models.TextChoices):
    """Whose view the scores are: ratings by different people are kept apart, never mixed."""

    CASEWORKER = "caseworker", _("Caseworker")
    PERSON = "person", _("The person")
    FAMILY = "family", _("Family")
