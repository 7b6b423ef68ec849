"""The intake sheet (インテーク用紙, seed 002): structured where reports count, free where a story is told."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import (
    DailyLife,
    DurationBand,
    Education,
    GoingOut,
    SchoolNonAttendance,
    WorkHistory,
)
from yorisoi.cases.models.case import Case
from yorisoi.cases.models.policies import CaseRecord
from yorisoi.organizations.fields import staff_field


def _daily(label):
    return models.CharField(label, max_length=20, choices=DailyLife.choices, blank=True)


def _note(label):
    return models.CharField(label, max_length=300, blank=True)


# Daily-life items of the intake sheet: (field name, label); each has a choice and a note.
DAILY_LIFE_ITEMS = [
    ("sleep", _("Sleep")),
    ("meals", _("Meals")),
    ("bathing", _("Bathing")),
    ("hobbies", _("Hobbies and interests")),
    ("housework", _("Housework")),
    ("social_contact", _("Contact with others")),
]


class Intake(CaseRecord):
    """One intake sheet per case, filled in at or before the first interview."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="intake")
    taken_on = models.DateField(_("taken on"))
    # Why now, and the story so far.
    wishes = models.TextField(_("what they want to talk about"), blank=True)
    trigger = models.TextField(_("what led to consulting now"), blank=True)
    onset_age = models.PositiveSmallIntegerField(
        _("age when the withdrawal began"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )
    duration = models.CharField(
        _("how long it has lasted"), max_length=20, choices=DurationBand.choices, blank=True
    )
    onset_story = models.TextField(_("how it began"), blank=True)
    current_state = models.TextField(_("the present situation"), blank=True)
    # History that reports count.
    school_non_attendance = models.CharField(
        _("school non-attendance"), max_length=20, choices=SchoolNonAttendance.choices, blank=True
    )
    school_non_attendance_note = _note(_("about school non-attendance"))
    education = models.CharField(
        _("last school attended"), max_length=20, choices=Education.choices, blank=True
    )
    work_history = models.CharField(
        _("work experience"), max_length=20, choices=WorkHistory.choices, blank=True
    )
    work_history_note = _note(_("about work experience"))
    # Daily life now.
    sleep = _daily(_("Sleep"))
    sleep_note = _note(_("about sleep"))
    meals = _daily(_("Meals"))
    meals_note = _note(_("about meals"))
    bathing = _daily(_("Bathing"))
    bathing_note = _note(_("about bathing"))
    hobbies = _daily(_("Hobbies and interests"))
    hobbies_note = _note(_("about hobbies and interests"))
    housework = _daily(_("Housework"))
    housework_note = _note(_("about housework"))
    social_contact = _daily(_("Contact with others"))
    social_contact_note = _note(_("about contact with others"))
    going_out = models.CharField(
        _("going out"), max_length=20, choices=GoingOut.choices, blank=True
    )
    going_out_note = _note(_("about going out"))
    behaviours_of_concern = models.TextField(
        _("behaviours the family is worried about"), blank=True
    )
    # Background.
    developmental_history = models.TextField(_("growing up (early childhood to now)"), blank=True)
    medical_history = models.TextField(_("medical history and treatment"), blank=True)
    consultation_history = models.TextField(_("agencies consulted before"), blank=True)
    taken_by = staff_field(_("taken by"), null=True, blank=True)

    class Meta:
        verbose_name = _("intake sheet")
        verbose_name_plural = _("intake sheets")
        ordering = ["-taken_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.case}"
