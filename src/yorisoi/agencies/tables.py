"""The agency directory and the support councils as lists: page, download and API order."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from yorisoi.core.dates import format_wareki
from yorisoi.core.tables import CHOICE, DATE, Column, Table


def _sharing(agency) -> str:
    """Whose entry this is, when not the reader's own (``own`` is annotated by the view)."""
    if not agency.own:
        return _("shared by %(org)s") % {"org": agency.organization.name}
    return _("shared") if agency.shared else ""


AGENCIES = Table(
    "agencies",
    gettext_lazy("Agency directory"),
    [
        Column("category", gettext_lazy("Category"), kind=CHOICE, order_by="category"),
        Column(
            "name",
            pgettext_lazy("agency", "Name"),
            link=lambda a: reverse("agencies:agency_detail", args=[a.pk]),
            order_by=("name_kana", "name"),
        ),
        Column(
            "sharing", gettext_lazy("Kept by"), _sharing, under="name", sheet=False, css="badge"
        ),
        Column(
            "inactive",
            gettext_lazy("inactive"),
            lambda a: "" if a.is_active else _("inactive"),
            under="name",
            sheet=False,
            css="badge",
        ),
        Column("name_kana", gettext_lazy("Furigana"), page=False),
        Column("area", gettext_lazy("Area"), order_by="area"),
        Column("address", pgettext_lazy("postal", "Address"), page=False),
        Column("contact", gettext_lazy("Contact"), "contact_person", sheet=False),
        Column("phone", gettext_lazy("Phone"), under="contact", link=lambda a: f"tel:{a.phone}"),
        Column("email", gettext_lazy("E-mail"), page=False),
        Column("website", gettext_lazy("Website"), page=False),
        Column("contact_person", gettext_lazy("Contact person"), page=False),
        Column("hours", gettext_lazy("Opening hours"), page=False),
        Column("offers", gettext_lazy("What they offer"), truncate=80),
        # Notes of a shared entry stay with the organization that keeps it.
        Column("notes", gettext_lazy("Notes"), lambda a: a.notes if a.own else "", page=False),
        Column("kept_by", gettext_lazy("Kept by"), "organization.name", page=False),
    ],
    model="agencies.Agency",
    empty=gettext_lazy("No agency matches."),
)

COUNCILS = Table(
    "support-councils",
    gettext_lazy("Support councils"),
    [
        Column(
            "name",
            pgettext_lazy("agency", "Name"),
            link=lambda c: reverse("agencies:council_detail", args=[c.pk]),
            order_by="name",
        ),
        Column(
            "dissolved",
            gettext_lazy("dissolved"),
            lambda c: (
                _("dissolved %(day)s") % {"day": format_wareki(c.ended_on)} if c.ended_on else ""
            ),
            under="name",
            sheet=False,
            css="badge",
        ),
        Column("legal_basis", gettext_lazy("Legal basis"), kind=CHOICE),
        Column(
            "established_on", gettext_lazy("Constituted on"), kind=DATE, order_by="established_on"
        ),
        Column("ended_on", gettext_lazy("Dissolved on"), kind=DATE, page=False),
        Column("members", gettext_lazy("Members"), lambda c: [m.name for m in c.members.all()]),
    ],
    model="agencies.SupportCouncil",
    empty=gettext_lazy("No support council is recorded."),
)
