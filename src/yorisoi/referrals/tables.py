"""Referrals out, referrals received and provision records as lists: page, download, API order."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.cases.tables import case_columns
from yorisoi.core.dates import format_wareki
from yorisoi.core.tables import CHOICE, DATE, Column, Table, record_column


def _case_url(row) -> str:
    return reverse("cases:case_detail", args=[row.case_id])


def _sent(referral) -> str:
    return "、".join(referral.item_labels()) if referral.items else _("No personal information")


def _started(referral) -> str:
    if referral.support_started:
        return referral.get_support_started_display()
    if referral.follow_up_on:
        return _("ask from %(day)s") % {"day": format_wareki(referral.follow_up_on)}
    return ""


REFERRALS = Table(
    "referrals",
    gettext_lazy("Referrals"),
    [
        record_column("referred_on", gettext_lazy("Referred on"), "referrals:referral_detail"),
        *case_columns(link=_case_url),
        Column("agency", gettext_lazy("Referred to"), "agency.name", order_by="agency__name"),
        Column("purpose", gettext_lazy("Purpose"), kind=CHOICE, page=False),
        Column("items", gettext_lazy("Information sent"), _sent),
        Column("basis", gettext_lazy("Ground for sharing"), kind=CHOICE, under="items"),
        Column("status", gettext_lazy("Status"), kind=CHOICE, order_by="status"),
        Column("support_started", gettext_lazy("Did support start?"), _started),
        Column("followed_up_on", gettext_lazy("Followed up on"), kind=DATE, page=False),
        Column("made_by", gettext_lazy("Staff who referred"), "made_by.user", page=False),
    ],
    model="referrals.Referral",
    empty=gettext_lazy("No referrals."),
)

INCOMING = Table(
    "referrals-received",
    gettext_lazy("Referrals received"),
    [
        record_column("received_on", gettext_lazy("Received on"), "referrals:incoming_detail"),
        Column("from_name", gettext_lazy("Referred by"), order_by="from_name"),
        Column("from_person", gettext_lazy("Their contact person"), under="from_name"),
        Column("what_they_said", gettext_lazy("What they told us"), truncate=80),
        Column(
            "consent",
            gettext_lazy("Consent"),
            lambda r: _("to confirm") if r.needs_consent_check else _("confirmed"),
            css=lambda r: "badge badge--alert" if r.needs_consent_check else "",
        ),
        Column("status", gettext_lazy("Status"), kind=CHOICE, order_by="status"),
        Column(
            "case",
            gettext_lazy("Case number"),
            "case.number",
            under="status",
            link=lambda r: _case_url(r) if r.case_id else None,
        ),
    ],
    model="referrals.IncomingReferral",
    empty=gettext_lazy("No referrals received."),
)

PROVISIONS = Table(
    "provisions",
    gettext_lazy("Provision records"),
    [
        record_column(
            "provided_on",
            gettext_lazy("Provided on"),
            "referrals:referral_detail",
            pk="referral_id",
        ),
        Column("recipient", gettext_lazy("Recipient"), order_by="recipient"),
        *case_columns(person="person", header=gettext_lazy("Whose data")),
        Column("items", gettext_lazy("Items provided"), lambda p: p.item_labels()),
        Column(
            "basis",
            gettext_lazy("Ground"),
            lambda p: p.basis_label,
            css=lambda p: "flag" if p.basis == "emergency" else "",
            order_by="basis",
        ),
        Column("emergency_reason", gettext_lazy("Emergency reason"), page=False),
        Column("recorded_by", gettext_lazy("Recorded by"), "recorded_by.user", page=False),
    ],
    model="referrals.ProvisionRecord",
    empty=gettext_lazy("No provisions recorded."),
)
