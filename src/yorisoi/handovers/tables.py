"""Handovers as a list: its page, its download and the API's order, declared once."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.cases.tables import case_columns
from yorisoi.core.dates import format_wareki
from yorisoi.core.tables import CHOICE, DATETIME, Column, Table, record_column


def _acknowledgement(handover) -> str:
    if handover.acknowledged_at:
        return _("Acknowledged")
    if handover.superseded_by_id:
        return _("Replaced")
    return _("Waiting")


def _acknowledged_shown(handover) -> str:
    """The page's cell: the day it was acknowledged, else the state in a word."""
    if handover.acknowledged_at:
        return format_wareki(timezone.localdate(handover.acknowledged_at))
    return _acknowledgement(handover)


HANDOVERS = Table(
    "handovers",
    gettext_lazy("Handovers"),
    [
        record_column(
            "handed_over_on", gettext_lazy("Handed over on"), "handovers:handover_detail"
        ),
        *case_columns(),
        Column("from_staff", gettext_lazy("Previous worker"), "from_staff.user", empty="—"),
        Column("to_staff", gettext_lazy("New primary worker"), "to_staff.user"),
        Column("reason", gettext_lazy("Reason"), kind=CHOICE, order_by="reason"),
        Column(
            "acknowledged",
            gettext_lazy("Acknowledged"),
            _acknowledged_shown,
            sheet=False,
            css=lambda h: "" if h.acknowledged_at or h.superseded_by_id else "badge badge--key",
        ),
        Column("acknowledgement", gettext_lazy("Acknowledgement"), _acknowledgement, page=False),
        Column(
            "acknowledged_at",
            gettext_lazy("Acknowledged at"),
            kind=DATETIME,
            page=False,
            order_by="acknowledged_at",
        ),
    ],
    model="handovers.Handover",
    empty=gettext_lazy("No handover matches."),
)
