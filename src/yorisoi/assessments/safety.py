"""Visit safety from the risk screen (handbook point 43): violence found in the home becomes a
notice on every later visit form of the case and on the case page."""

from django.db.models import OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from yorisoi.assessments.choices import VIOLENCE
from yorisoi.assessments.models import RiskFinding
from yorisoi.cases import extensions
from yorisoi.contacts import safety
from yorisoi.core.bundle import Rows


def _latest_violence(case_ref):
    """The latest violence the risk screen found in the case's assessments."""
    return (
        RiskFinding.objects.filter(assessment__case=case_ref, item__in=VIOLENCE)
        .select_related("assessment")
        .order_by("-assessment__assessed_on", "-assessment_id", "-pk")
    )


def _notices(finding: RiskFinding | None) -> list[safety.VisitNotice]:
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


def violence_notices(case) -> list[safety.VisitNotice]:
    """The notice for the visit forms (one query).

    It stays after a later assessment no longer checks it: what happened once is worth
    knowing before each visit, with the date it was recorded.
    """
    return _notices(_latest_violence(case).first())


def visit_safety_needs(case, member) -> dict[str, Rows]:
    return {"assessments.violence": Rows(_latest_violence(OuterRef("pk"))[:1])}


def visit_safety_panel(case, member, found) -> dict:
    """The notice above the case page's contact form, fetched with the rest of the page."""
    return {"notices": _notices(next(iter(found["assessments.violence"]), None))}


def register() -> None:
    safety.register_source(violence_notices)
    extensions.register_panel(
        extensions.CasePanel(
            "assessments/panels/visit_safety.html",
            visit_safety_panel,
            "main",
            5,
            needs=visit_safety_needs,
        )
    )
