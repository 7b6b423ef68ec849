"""Supporters (ひきこもりサポーター, ピアサポーター), their training and what they do."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SupporterKind(models.TextChoices):
    SUPPORTER = "supporter", _("Hikikomori supporter (resident volunteer)")
    PEER = "peer", _("Peer supporter (with experience of their own)")
    LISTENER = "listener", _("Listening volunteer")


class SupporterStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("supporter", "Active")
    RESTING = "resting", pgettext_lazy("supporter", "Resting")
    ENDED = "ended", pgettext_lazy("supporter", "No longer active")


class CurriculumTopic(models.TextChoices):
    """Topics of supporter training courses (seed 001's survey of courses held)."""

    UNDERSTANDING = "understanding", _("Understanding hikikomori")
    PERSPECTIVES = "perspectives", _("Ways of seeing hikikomori")
    WAYS_OF_SUPPORT = "ways_of_support", _("Ways of support")
    SUPPORTER_ROLE = "supporter_role", _("The supporter's role")
    POINTS_OF_VIEW = "points_of_view", _("Points to keep in view when supporting")
    SYSTEMS = "systems", _("The systems around hikikomori")
    RESOURCES = "resources", _("Knowing the local resources")
    FAMILY = "family", _("Being with families")
    FAMILY_ASSOCIATIONS = "family_associations", _("The role of family associations")
    DISABILITY = "disability", _("Understanding disability")
    ILLNESS = "illness", _("Understanding illness and health care")
    COMMUNITY = "community", _("Community work")
    EMPLOYMENT = "employment", _("Support towards work")
    GROUP_WORK = "group_work", _("Workshops and group work")
    RIGHTS = "rights", _("Advocacy and rights")
    ASSESSMENT = "assessment", _("Assessment")
    OTHER = "other", _("Other")


class ActivityKind(models.TextChoices):
    ACCOMPANY = "accompany", _("Accompanying an outing or a try-out (volunteering, farming, work)")
    IBASHO = "ibasho", _("Helping run a drop-in space")
    HOME_VISIT = "home_visit", _("A home visit with staff")
    EVENT = "event", _("Helping at an event or course")
    LISTENING = "listening", _("Listening")
    OTHER = "other", _("Other")
