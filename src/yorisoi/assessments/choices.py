from django.db import models
from django.utils.translation import gettext_lazy as _


class RiskItem(models.TextChoices):
    """What the risk screen asks about (DESIGN §3.4)."""

    SELF_HARM = "self_harm", _("Self-harm")
    SUICIDAL = "suicidal", _("Suicidal thoughts or attempts")
    VIOLENCE_BY_PERSON = "violence_by_person", _("Violence in the home by the person")
    VIOLENCE_TO_PERSON = "violence_to_person", _("Violence in the home towards the person")
    SELF_NEGLECT = "self_neglect", _("Self-neglect")
    ECONOMIC = "economic", _("Economic hardship")
    PARENT_CARE = "parent_care", _("A parent who needs care or is ill (8050)")
    UNTREATED_ILLNESS = "untreated_illness", _("Untreated illness")
    CARER_LOSS = "carer_loss", _("Loss of the family's carer")


# Items that usually call for an urgent judgement; the worker decides, this only suggests.
URGENT_BY_DEFAULT = frozenset(
    {
        RiskItem.SELF_HARM,
        RiskItem.SUICIDAL,
        RiskItem.VIOLENCE_BY_PERSON,
        RiskItem.VIOLENCE_TO_PERSON,
    }
)


class Urgency(models.TextChoices):
    URGENT = "urgent", _("Urgent")
    ATTENTION = "attention", _("Needs attention")
    NONE = "none", _("None")
