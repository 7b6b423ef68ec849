"""Case meetings as a list: its page, its download and the API's order, declared once."""

from django.utils.translation import gettext_lazy as _

from yorisoi.cases.tables import case_columns
from yorisoi.core.tables import CHOICE, Column, Table, record_column

MEETINGS = Table(
    "meetings",
    _("Case meetings"),
    [
        record_column("held_on", _("Held on"), "meetings:meeting_detail"),
        *case_columns(),
        Column("kind", _("Kind"), kind=CHOICE, order_by="kind"),
        Column(
            "difficult_case_review",
            _("Review of a difficult case"),
            under="kind",
            css="badge",
            accessor=lambda m: _("Review of a difficult case") if m.difficult_case_review else "",
        ),
        Column("support_policy", _("Support policy decided"), kind=CHOICE, empty="—"),
        Column("matters", _("What was discussed"), truncate=80),
        Column("policy_note", _("About the policy"), page=False),
        Column("recorded_by", _("Recorded by"), "recorded_by.user", page=False),
    ],
    model="meetings.CaseMeeting",
    empty=_("No meeting matches."),
)
