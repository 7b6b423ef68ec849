from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    """The kinds of body that run hikikomori support (seed 003)."""

    REGIONAL_CENTER = "regional_center", _("Regional support center")
    SUPPORT_STATION = "support_station", _("Support station")
    SUPPORT_PROGRAM = "support_program", _("Municipal support program")
    PREFECTURAL_CENTER = "prefectural_center", _("Prefectural center")
    PARTNER = "partner", _("Partner organization / NPO")
    OTHER = "other", _("Other")
