from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a referral was made."""

    PHONE = "phone", _("Phone")
    DOCUMENT = "document", _("Referral letter or form")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")
    ACCOMPANY = "accompany", _("Accompanied visit")
    MEETING = "meeting", _("At a meeting")
    SYSTEM = "system", _("Through yorisoi")
    OTHER = "other", _("Other")


class Basis(models.TextChoices):
    """On what ground personal information went with a referral (or that none did)."""

    NONE = "none", _("No personal information")
    CONSENT = "consent", _("Consent")
    COUNCIL = "council", _("Support council (sharing permitted by law)")
    EMERGENCY = "emergency", _("Emergency: protection of life or body")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Referred")
    PENDING = "pending", _("Waiting for the other organization")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    RETRACTED = "retracted", _("Stopped: consent withdrawn")


class SupportStarted(models.TextChoices):
    """The follow-up question after a referral: did support actually start?"""

    YES = "yes", _("Yes, support has started")
    NO = "no", _("No, it has not started")
    UNKNOWN = "unknown", _("Could not find out")


class IncomingStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PENDING = "pending", _("Waiting for our answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the sender")


class SenderConsent(models.TextChoices):
    """Whether the referring agency said the person agreed to their information being shared."""

    CONFIRMED = "confirmed", _("The sender confirmed the person's consent")
    NOT_CONFIRMED = "not_confirmed", _("Not confirmed")
