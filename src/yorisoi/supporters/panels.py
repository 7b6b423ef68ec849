"""What supporters add to the case page: who works with the person, and a way to add one."""

from django.db.models import OuterRef

from yorisoi.cases import extensions
from yorisoi.core.bundle import Rows
from yorisoi.supporters.models import CaseSupporter


def _needs(case, member) -> dict:
    rows = CaseSupporter.objects.filter(case=OuterRef("pk"), ended_on__isnull=True)
    return {"supporters.of_case": Rows(rows.select_related("supporter"))}


def _context(case, member, found) -> dict:
    return {"links": found["supporters.of_case"]}


def register() -> None:
    extensions.register_panel(
        extensions.CasePanel("supporters/panels/side.html", _context, "side", 48, needs=_needs)
    )
