"""A loose connection after closure (handbook point 37): gentle check-ins the person agreed to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CaseRecord


class FollowUp(CaseRecord):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="follow_ups")
    agreed_on = models.DateField(_("agreed on"))
    agreed_by = models.CharField(
        _("agreed by"),
        max_length=20,
        choices=[("person", _("The person")), ("family", _("The family"))],
    )
    interval_weeks = models.PositiveSmallIntegerField(_("every (weeks)"))
    next_check_on = models.DateField(_("next check-in"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    note = models.CharField(_("how to get in touch"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["next_check_on"]
