"""Support plans as a list: its page, its download and the API's order, declared once."""

from django.utils.translation import gettext_lazy as _

from yorisoi.cases.tables import case_columns
from yorisoi.core.tables import CHOICE, DATE, NUMBER, Column, Table, record_column

PLANS = Table(
    "plans",
    _("Support plans"),
    [
        record_column("made_on", _("Made on"), "plans:plan_detail"),
        *case_columns(),
        Column("number", _("Version"), kind=NUMBER, order_by="number"),
        Column("review_on", _("Review by"), kind=DATE, order_by="review_on"),
        Column("approval", _("Approval"), kind=CHOICE, empty="—", order_by="approval"),
        Column("made_by", _("Made by"), "made_by.user", page=False),
        Column("person_intentions", _("The person's intentions"), page=False),
        Column("family_intentions", _("The family's intentions"), page=False),
    ],
    model="plans.SupportPlan",
    empty=_("No plan matches."),
)
