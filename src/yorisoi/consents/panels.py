"""What consents add to the case page and the face sheet."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.consents.models import Consent


def in_force(case, member) -> dict:
    return {
        "consents": list(
            Consent.objects.filter(case=case).in_force().select_related("given_by_member", "agency")
        )
    }


def _consents(case, before, limit):
    # Consents sit at the start of their (local) day; compare that moment, not a UTC date.
    rows = Consent.objects.filter(
        case=case, **({"given_on__lte": timezone.localtime(before).date()} if before else {})
    ).select_related("given_by_member")[: limit + 1]
    entries = [(extensions.as_datetime(c.given_on), c) for c in rows]
    return [(at, c) for at, c in entries if before is None or at < before][:limit]


def register() -> None:
    extensions.register_panel(
        extensions.CasePanel("consents/panels/side.html", in_force, "side", 45)
    )
    extensions.register_panel(
        extensions.CasePanel("consents/panels/face_sheet.html", in_force, "face_sheet", 50)
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "consent", _("Consents"), _consents, "consents/timeline_consent.html", 20
        )
    )
