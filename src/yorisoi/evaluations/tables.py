"""Evaluations and stalled cases as lists: page, download and the API's order, declared once."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.tables import case_columns
from yorisoi.core.tables import CHOICE, DATE, NUMBER, Column, Table, record_column


def _history_url(row) -> str:
    return reverse("evaluations:case_history", args=[row.case.pk])


EVALUATIONS = Table(
    "evaluations",
    _("Evaluations"),
    [
        record_column("rated_on", _("Rated on"), "evaluations:case_history", pk="case_id"),
        *case_columns(),
        Column(
            "instrument",
            _("Instrument"),
            "instrument_version.instrument.name",
            order_by="instrument_version__instrument__name",
        ),
        Column("timing", _("Timing"), kind=CHOICE, order_by="timing"),
        Column("fiscal_year", _("Fiscal year"), kind=NUMBER, order_by="fiscal_year"),
        Column("rater", _("Rated by"), lambda e: e.rater_label, order_by="rater"),
        Column("note", _("Note"), page=False),
    ],
    model="evaluations.Evaluation",
    empty=_("No evaluation matches."),
)

STALLED = Table(
    "stalled-cases",
    _("Long support without change"),
    [
        *case_columns(sortable=False),
        Column("opened_on", _("Opened on"), "case.opened_on", kind=DATE),
        Column("primary_staff", _("Primary worker"), "case.primary_staff.user", empty="—"),
        Column("instrument", _("Instrument"), "latest.instrument_version.instrument.name"),
        Column(
            "previous", _("Rated the same on"), "previous.rated_on", kind=DATE, link=_history_url
        ),
        Column("latest", _("and again on"), "latest.rated_on", kind=DATE, link=_history_url),
    ],
    model="cases.Case",
    row_id=lambda r: r.case.pk,
    empty=_("No case matches."),
)


def _provided_by(instrument) -> str:
    return gettext("Shipped with yorisoi") if instrument.is_shipped else gettext("Our own")


INSTRUMENTS = Table(
    "instruments",
    _("Evaluation instruments"),
    [
        Column(
            "name",
            _("Instrument"),
            link=lambda i: reverse("evaluations:instrument_detail", args=[i.pk]),
            order_by="name",
        ),
        Column("code", _("Code"), order_by="code"),
        Column("provided_by", _("Provided by"), _provided_by),
        Column("latest", _("Version"), kind=NUMBER, empty="—"),
        Column(
            "is_active",
            _("In use"),
            lambda i: gettext("Yes") if i.is_active else gettext("No"),
            order_by="is_active",
        ),
    ],
    model="evaluations.Instrument",
    row_css=lambda i: "" if i.is_active else "row--muted",
    empty=_("No instruments."),
)
