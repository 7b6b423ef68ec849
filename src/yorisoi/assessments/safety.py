"""Visit safety from the risk screen (handbook point 43): violence found in the home becomes a
notice on every later visit form of the case and on the case page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from yorisoi.assessments.choices import VIOLENCE
from yorisoi.assessments.models import RiskFinding
from yorisoi.cases import extensions
from yorisoi.contacts import safety


def violence_notices(case) -> list[safety.VisitNotice]:
    """The latest violence the risk screen found in the case's assessments (one query).

    It stays after a later assessment no longer checks it: what happened once is worth
    knowing before each visit, with the date it was recorded.
    """
    finding = (
        RiskFinding.objects.filter(assessment__case=case, item__in=VIOLENCE)
        .select_related("assessment")
        .order_by("-assessment__assessed_on", "-assessment_id", "-pk")
        .first()
    )
    if finding is None:
        return []
    return [
        safety.VisitNotice(
            text=_("The risk screen recorded violence in the home: %(item)s.")
            % {"item": finding.get_item_display()},
            since=finding.assessment.assessed_on,
            note=finding.note,
            url=reverse("assessments:assessment_detail", args=[finding.assessment_id]),
        )
    ]


def visit_safety_panel(case, member) -> dict:
    """The notice above the case page's contact form; one query."""
    return {"notices": violence_notices(case)}


def register() -> None:
    safety.register_source(violence_notices)
    extensions.register_panel(
        extensions.CasePanel("assessments/panels/visit_safety.html", visit_safety_panel, "main", 5)
    )
