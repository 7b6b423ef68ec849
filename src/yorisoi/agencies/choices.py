from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyCategory(models.TextChoices):
    """Kinds of agencies a support network spans (DESIGN §4, seed 000 point 44)."""

    COMMUNITY_CARE = "community_care", _("Community general support center")
    PUBLIC_ASSISTANCE = "public_assistance", _("Public assistance (welfare office)")
    NEEDS_BASED = "needs_based", _("Independence support for people in need")
    HELLO_WORK = "hello_work", _("Hello Work (public employment office)")
    YOUTH_STATION = "youth_station", _("Youth support station")
    HEALTH_CENTER = "health_center", _("Public health center")
    MENTAL_HEALTH_CENTER = "mental_health_center", _("Mental health and welfare center")
    MEDICAL = "medical", _("Medical institution")
    SCHOOL = "school", _("School or board of education")
    DISABILITY = "disability", _("Disability welfare services")
    SOCIAL_WELFARE_COUNCIL = "social_welfare_council", _("Social welfare council")
    COMMISSIONED_VOLUNTEER = "commissioned_volunteer", _("Commissioned welfare volunteer")
    FAMILY_ASSOCIATION = "family_association", _("Family association")
    PEER_GROUP = "peer_group", _("Self-help group")
    IBASHO = "ibasho", _("Drop-in space (ibasho)")
    PARTNER_NPO = "partner_npo", _("Partner organization or NPO")
    OTHER = "other", _("Other")


class LegalBasis(models.TextChoices):
    """The laws under which a support meeting may share without the person's consent."""

    SOCIAL_WELFARE_ACT = "social_welfare_106_6", _("Social Welfare Act, article 106-6")
    NEEDS_BASED_ACT = "needs_based_9", _("Act on Self-Reliance Support for the Needy, article 9")
