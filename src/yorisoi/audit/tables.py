"""The audit log as a list: its page, its download and the API's order, declared once."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from yorisoi.core.tables import CHOICE, DATETIME, Column, Table


def _record(event) -> str:
    shown = event.object_label or event.object_type
    rows = event.detail.get("rows") if isinstance(event.detail, dict) else None
    if rows is None:
        return shown
    return f"{shown} ({ngettext('%(n)s row', '%(n)s rows', rows) % {'n': rows}})"


EVENTS = Table(
    "audit-log",
    _("Audit log"),
    [
        Column("at", _("When"), kind=DATETIME, order_by="at"),
        Column("who", _("Who"), lambda e: e.actor_username or e.path, sheet=False),
        Column("actor_username", _("Username"), page=False, order_by="actor_username"),
        Column("action", _("Action"), kind=CHOICE, order_by="action"),
        Column(
            "flag",
            _("Flagged"),
            lambda e: _("Flagged") if e.flagged else "",
            under="action",
            sheet=False,
            css="badge badge--alert",
        ),
        Column("object_type", _("Record type"), page=False, order_by="object_type"),
        Column("object_id", _("Record ID"), page=False),
        Column("record", _("Record"), _record, sheet=False),
        Column("object_label", _("Record"), page=False),
        Column("changes", _("Changed fields")),
        Column("flagged", _("Flagged for review"), page=False),
        Column("ip_address", pgettext_lazy("network", "Address"), empty="—"),
        Column("path", _("Page or endpoint"), page=False),
        Column("detail", _("Detail"), page=False),
    ],
    model="audit.AuditEvent",
    row_css=lambda e: "row--flagged" if e.flagged else "",
    css="table--compact",
    empty=_("No entries match."),
)
