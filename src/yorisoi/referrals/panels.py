"""What referrals add to the case page, the start page and the due lists."""

from django.db.models import OuterRef, Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.bundle import Rows
from yorisoi.due.registry import DueItem, DueRows
from yorisoi.referrals.choices import IncomingStatus, ReferralStatus, SenderConsent
from yorisoi.referrals.models import IncomingReferral, Referral


def side_needs(case, member) -> dict:
    rows = Referral.objects.filter(case=OuterRef("pk")).select_related("agency")
    return {"referrals.recent": Rows(rows.order_by("-referred_on", "-pk")[:8])}


def side(case, member, found) -> dict:
    return {"referrals": found["referrals.recent"]}


def banner_needs(case, member) -> dict:
    rows = IncomingReferral.objects.filter(
        case=OuterRef("pk"), consent_confirmed_on__isnull=True
    ).exclude(sender_consent=SenderConsent.CONFIRMED)
    return {"referrals.unconfirmed": Rows(rows[:5])}


def banner(case, member, found) -> dict:
    """Referrals in whose sender did not confirm consent, until we confirm it ourselves."""
    return {"unconfirmed": found["referrals.unconfirmed"]}


def _referrals(before, limit):
    rows = Referral.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows.select_related("agency", "made_by__user")[:limit])


def waiting(member) -> dict:
    """Referrals from other organizations waiting for our answer."""
    rows = (
        IncomingReferral.objects.for_member(member)
        .filter(status=IncomingStatus.PENDING)
        .order_by("received_on")[:20]
    )
    return {"waiting": list(rows)}


def _follow_ups(member, today):
    scope = cases_in_scope(member)
    rows = (
        Referral.objects.for_member(member)
        .filter(case__in=scope, follow_up_on__lte=today, support_started="")
        .exclude(status__in=[ReferralStatus.DECLINED, ReferralStatus.RETRACTED])
        .select_related("case__person", "agency")
        .order_by("follow_up_on", "pk")
    )
    return DueRows(
        rows,
        lambda r: DueItem(
            "referral_follow_up",
            r.case,
            r.follow_up_on,
            _("Did support start at %(agency)s?") % {"agency": r.agency},
        ),
    )


def _unconfirmed(member, today):
    scope = cases_in_scope(member)
    rows = (
        IncomingReferral.objects.for_member(member)
        .filter(case__in=scope, consent_confirmed_on__isnull=True)
        .filter(~Q(sender_consent=SenderConsent.CONFIRMED))
        .select_related("case__person")
        .order_by("received_on", "pk")
    )
    return DueRows(
        rows,
        lambda r: DueItem(
            "referral_consent",
            r.case,
            r.received_on,
            _("Confirm consent for the information from %(name)s") % {"name": r.from_name},
        ),
    )


def register() -> None:
    from yorisoi.core.home import register_panel
    from yorisoi.due import registry as due
    from yorisoi.imports import registry as imports
    from yorisoi.referrals.importers import referral_import

    extensions.register_panel(
        extensions.CasePanel("referrals/panels/side.html", side, "side", 25, needs=side_needs)
    )
    extensions.register_panel(
        extensions.CasePanel(
            "referrals/panels/banner.html", banner, "banner", 30, needs=banner_needs
        )
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "referral",
            _("Referrals"),
            _referrals,
            "referred_on",
            "referrals/includes/timeline_referral.html",
            38,
        )
    )
    register_panel(
        "referrals/panels/home.html", waiting, model="referrals.IncomingReferral", order=12
    )
    due.register(
        due.DueKind("referral_follow_up", _("Referrals: did support start?"), _follow_ups, 40)
    )
    due.register(
        due.DueKind(
            "referral_consent", _("Referrals received: consent to confirm"), _unconfirmed, 45
        )
    )
    imports.register(
        imports.Ledger("referrals", _("Referrals"), "referrals.Referral", referral_import, 30)
    )
