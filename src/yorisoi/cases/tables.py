"""The case list and the intake queue, declared once for their pages, downloads and API order."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yorisoi.core.tables import CHOICE, DATE, DATETIME, Column, Table, record_column


def case_url(case) -> str:
    return reverse("cases:case_detail", args=[case.pk])


def person_columns(path: str = "person", *, header=None, link=None) -> list[Column]:
    """The person as a list shows them: one name on the page; in the sheet the registered name
    and the nickname (呼び名) in columns of their own, so a nickname never passes for a name."""
    return [
        Column("person", header or _("Person"), f"{path}.display_name", link=link, sheet=False),
        Column("name", _("Name"), f"{path}.name", page=False),
        Column("nickname", _("Nickname"), f"{path}.nickname", page=False),
    ]


def case_columns(
    path: str = "case", *, header=None, person: str | None = None, link=None, sortable=True
) -> list[Column]:
    """The case a row belongs to, as every list shows it: the person (a link to the case page)
    with the case number under the name; in the sheet, name, nickname and number columns."""

    def to_case(row) -> str | None:
        case = row
        for part in path.split("."):
            case = getattr(case, part, None)
        return case_url(case) if case is not None else None

    return [
        *person_columns(
            person or f"{path}.person", header=header or _("Case"), link=link or to_case
        ),
        Column(
            "case_number",
            _("Case number"),
            f"{path}.number",
            under="person",
            order_by=f"{path.replace('.', '__')}__number" if sortable else None,
        ),
    ]


CASES = Table(
    "cases",
    _("Cases"),
    [
        Column("number", _("Case number"), link=case_url, order_by="number"),
        *person_columns(),
        Column(
            "name_kana",
            _("Furigana"),
            "person.name_kana",
            under="person",
            order_by="person__name_kana",
        ),
        Column("sex", _("Sex"), "person.sex", kind=CHOICE, page=False),
        Column(
            "age_band",
            _("Age band at opening"),
            "age_band_at_opening",
            kind=CHOICE,
            under="person",
            order_by="age_band_at_opening",
        ),
        Column("municipality", _("Municipality"), "person.municipality", page=False),
        Column("first_consulter", _("First consulted by"), kind=CHOICE),
        Column("referral_route", _("Referral route"), kind=CHOICE, page=False),
        Column(
            "status",
            _("Status"),
            kind=CHOICE,
            css=lambda case: f"status status--{case.status}",
            order_by="status",
        ),
        Column("stage", _("Support stage"), kind=CHOICE, order_by="stage"),
        Column("person_contact", _("Contact with the person"), kind=CHOICE),
        Column("primary_staff", _("Primary worker"), "primary_staff.user", empty="—"),
        Column("secondary_staff", _("Second worker"), "secondary_staff.user", page=False),
        Column("opened_on", _("Opened on"), kind=DATE, order_by="opened_on"),
        Column("closed_on", _("Closed on"), kind=DATE, page=False, order_by="closed_on"),
        Column("close_reason", _("Reason for closing"), kind=CHOICE, page=False),
    ],
    model="cases.Case",
    empty=_("No cases match."),
)

INQUIRIES = Table(
    "inquiries",
    _("Inquiries"),
    [
        record_column("received_at", _("Received at"), "cases:inquiry_detail", kind=DATETIME),
        Column("channel", _("Channel"), kind=CHOICE, order_by="channel"),
        Column("caller_relation", _("Caller"), kind=CHOICE),
        Column("caller_name", _("Caller's name"), under="caller_relation"),
        Column("person_name", _("Person's name"), page=False),
        Column("about", _("About"), truncate=80),
        Column("referred_by", _("Referred by"), page=False),
        Column("status", _("Status"), kind=CHOICE, order_by="status"),
        Column(
            "case",
            _("Case number"),
            "case.number",
            under="status",
            link=lambda i: case_url(i.case) if i.case_id else None,
        ),
        Column("received_by", _("Received by"), "received_by.user", page=False),
    ],
    model="cases.Inquiry",
    empty=_("No inquiries are waiting."),
)
