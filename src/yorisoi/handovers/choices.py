from django.db import models
from django.utils.translation import gettext_lazy as _


class HandoverReason(models.TextChoices):
    """Why a case moves to another primary worker (異動, 休職・休暇, 退職, その他)."""

    TRANSFER = "transfer", _("Transfer")
    LEAVE = "leave", _("Leave of absence")
    RETIREMENT = "retirement", _("Retirement")
    OTHER = "other", _("Other")
