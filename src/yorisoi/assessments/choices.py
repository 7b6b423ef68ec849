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


# The two risk items that make a home visit unsafe for the staff who go (handbook point 43).
VIOLENCE = frozenset({RiskItem.VIOLENCE_BY_PERSON, RiskItem.VIOLENCE_TO_PERSON})


class WishesStatus(models.TextChoices):
    """Where the person's wishes stand, so an empty field is never taken for a missing one."""

    HEARD = "heard", _("Heard")
    UNCLEAR = "unclear", _("Not clear yet")
    NOT_YET = "not_yet", _("Not heard yet")


class HeardFrom(models.TextChoices):
    """How the person's wishes came to be known (handbook point 19)."""

    PERSON = "person", _("From the person directly")
    FAMILY = "family", _("Through the family")
    BEHAVIOUR = "behaviour", _("Inferred from how the person acts")


class PersonKnows(models.TextChoices):
    """Whether the person knows a first meeting is planned, and who tells them."""

    KNOWS = "knows", _("The person knows about the meeting")
    FAMILY_TELLS = "family_tells", _("The family will tell the person")
    STAFF_TELLS = "staff_tells", _("Staff will tell the person (a letter, for example)")
    NOT_TOLD = "not_told", _("Not told yet")


class MeetingPlace(models.TextChoices):
    HOME = "home", _("At home")
    OFFICE = "office", _("At our office")
    ELSEWHERE = "elsewhere", _("Somewhere outside")
    ONLINE = "online", _("Online")
    UNDECIDED = "undecided", _("Not decided")


class Suitability(models.TextChoices):
    """What the pre-interview decided about support here."""

    PROCEED = "proceed", _("Support here")
    REFER = "refer", _("Refer to another agency")
    UNDECIDED = "undecided", _("Not decided yet")
