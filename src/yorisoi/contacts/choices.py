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
    TALKED = "talked", _("Talked")  # a call or an online talk: nobody met anybody
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


# What can happen on each channel: the contact form offers only these (a call is 話せた, never
# 会えた). 記録なし（取り込み） is for imported ledger rows only and is never offered.
OUTCOMES_BY_CHANNEL: dict[str, tuple[str, ...]] = {
    Channel.PHONE: (Outcome.TALKED, Outcome.NO_RESPONSE, Outcome.CANCELLED),
    Channel.ONLINE: (Outcome.TALKED, Outcome.NO_RESPONSE, Outcome.CANCELLED),
    Channel.OFFICE: (Outcome.MET, Outcome.CANCELLED),
    Channel.HOME_VISIT: (
        Outcome.MET,
        Outcome.THROUGH_DOOR,
        Outcome.NO_RESPONSE,
        Outcome.LEFT_NOTE,
        Outcome.CANCELLED,
    ),
    Channel.ACCOMPANY: (Outcome.MET, Outcome.NO_RESPONSE, Outcome.CANCELLED),
    Channel.EMAIL: (Outcome.REPLIED, Outcome.NO_REPLY),
    Channel.SNS: (Outcome.REPLIED, Outcome.NO_REPLY),
    Channel.LETTER: (Outcome.LEFT_NOTE, Outcome.REPLIED, Outcome.NO_REPLY),
    Channel.OTHER: tuple(o for o in Outcome if o != Outcome.NOT_RECORDED),
}
IMPORT_ONLY_OUTCOMES = frozenset({Outcome.NOT_RECORDED})
