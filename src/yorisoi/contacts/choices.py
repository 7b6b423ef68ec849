from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    OFFICE = "office", _("Visit to the office")
    HOME_VISIT = "home_visit", _("Home visit")
    ACCOMPANY = "accompany", _("Accompanied outing")
    EMAIL = "email", pgettext_lazy("channel", "E-mail")
    SNS = "sns", _("Social media")
    ONLINE = "online", _("Online")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other")


# Going to the person's home or out with them: two or more staff, or a stated reason.
TEAM_CHANNELS = frozenset({Channel.HOME_VISIT, Channel.ACCOMPANY})


class Reached(models.TextChoices):
    """Who was actually reached."""

    PERSON = "person", _("The person")
    FAMILY = "family", _("Family")
    PERSON_AND_FAMILY = "person_and_family", _("The person and family")
    AGENCY = "agency", _("An agency")
    NOBODY = "nobody", _("Nobody")


class Outcome(models.TextChoices):
    MET = "met", _("Met")
    THROUGH_DOOR = "through_door", _("Talked through the door")
    NO_RESPONSE = "no_response", _("No response")
    LEFT_NOTE = "left_note", _("Left a letter or note")
    REPLIED = "replied", _("Got a reply")
    NO_REPLY = "no_reply", _("No reply")
    CANCELLED = "cancelled", _("Cancelled")
    NOT_RECORDED = "not_recorded", _("Not recorded (imported)")


# Outcomes in which nobody was actually reached (a letter left unanswered is not contact).
NOT_REACHED = frozenset(
    {Outcome.NO_RESPONSE, Outcome.LEFT_NOTE, Outcome.NO_REPLY, Outcome.CANCELLED}
)
