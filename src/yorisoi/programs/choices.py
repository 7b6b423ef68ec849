"""The program menu (seed 003's program kinds) and how a program and its sessions run."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramKind(models.TextChoices):
    IBASHO = "ibasho", _("Drop-in space (ibasho)")
    FAMILY_MEETING = "family_meeting", _("Family meeting")
    FAMILY_CLASS = "family_class", _("Family class or study session")
    PEER_GROUP = "peer_group", _("Peer group of people with experience")
    SMALL_GROUP = "small_group", _("Small-group activity")
    SOCIAL_EXPERIENCE = "social_experience", _("Social-experience activity")
    NETWORK_MEETING = "network_meeting", _("Liaison council or network meeting")
    LECTURE = "lecture", _("Lecture or training")
    SUPPORTER_COURSE = "supporter_course", _("Supporter training course")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class ProgramFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BOTH = "both", _("In person and online")


class Registration(models.TextChoices):
    WALK_IN = "walk_in", _("Just come")
    REQUIRED = "required", _("Registration needed")


class Residents(models.TextChoices):
    """Who may take part by where they live (広域: residents of other municipalities)."""

    ANYONE = "anyone", _("Anyone, wherever they live")
    LISTED = "listed", _("Residents of the listed municipalities")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every other week")
    MONTHLY = "monthly", _("Monthly, on the n-th weekday")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Nth(models.IntegerChoices):
    FIRST = 1, _("first")
    SECOND = 2, _("second")
    THIRD = 3, _("third")
    FOURTH = 4, _("fourth")
    LAST = 5, _("last")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class ParticipantKind(models.TextChoices):
    PERSON = "person", _("The person")
    FAMILY = "family", _("Family")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    """How someone took part; online, face and voice are optional (seed 004's online rules)."""

    IN_PERSON = "in_person", _("In person")
    CAMERA_ON = "camera_on", _("Online, camera on")
    CAMERA_OFF = "camera_off", _("Online, camera off")
    CHAT_ONLY = "chat_only", _("Online, chat only")


ONLINE_MODES = frozenset({Mode.CAMERA_ON, Mode.CAMERA_OFF, Mode.CHAT_ONLY})
