"""Everything due, as one list to filter and take away (the start page shows the first few)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.core.tables import DATE, Column, Table
from yorisoi.due.registry import DueItem


@dataclass(frozen=True)
class DueRow:
    kind: Any  # the DueKind
    item: DueItem
    today: date

    @property
    def overdue(self) -> bool:
        return self.item.overdue(self.today)


DUE = Table(
    "due",
    gettext_lazy("What is due"),
    [
        Column("kind", gettext_lazy("Kind"), "kind.label"),
        Column("due_on", gettext_lazy("Due on"), "item.due_on", kind=DATE, empty="—"),
        Column(
            "overdue",
            gettext_lazy("Overdue"),
            lambda r: _("overdue") if r.overdue else "",
            under="due_on",
            css="badge badge--overdue",
        ),
        Column(
            "person",
            gettext_lazy("Case"),
            "item.case.person.display_name",
            link=lambda r: r.item.link,
            sheet=False,
        ),
        Column("name", gettext_lazy("Name"), "item.case.person.name", page=False),
        Column("nickname", gettext_lazy("Nickname"), "item.case.person.nickname", page=False),
        Column("case_number", gettext_lazy("Case number"), "item.case.number", under="person"),
        Column("text", gettext_lazy("Details"), "item.text"),
    ],
    model="cases.Case",
    row_id=lambda r: r.item.case.pk,
    row_css=lambda r: "row--overdue" if r.overdue else "",
    empty=gettext_lazy("Nothing is due."),
)
