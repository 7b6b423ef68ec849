"""What consents add to the case page and the face sheet."""

from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.consents.models import Consent
from yorisoi.core.bundle import Rows


def needs(case, member) -> dict:
    in_force = Consent.objects.filter(case=OuterRef("pk")).in_force()
    return {"consents.in_force": Rows(in_force.select_related("given_by_member", "agency"))}


def in_force(case, member, found) -> dict:
    return {"consents": found["consents.in_force"]}


def _consents(before, limit):
    # Consents sit at the start of their (local) day: the page drops those not before ``before``.
    rows = Consent.objects.filter(
        case=OuterRef("pk"),
        **({"given_on__lte": timezone.localtime(before).date()} if before else {}),
    ).select_related("given_by_member")
    return Rows(rows[: limit + 1])


def register() -> None:
    for template, position, order in [
        ("consents/panels/side.html", "side", 45),
        ("consents/panels/face_sheet.html", "face_sheet", 50),
    ]:
        extensions.register_panel(
            extensions.CasePanel(template, in_force, position, order, needs=needs)
        )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "consent",
            _("Consents"),
            _consents,
            "given_on",
            "consents/timeline_consent.html",
            20,
        )
    )
