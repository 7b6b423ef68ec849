"""Programs, sessions and participants as lists: page, download and API order."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from yorisoi.core.tables import CHOICE, DATE, NUMBER, Column, Table


def _audience(program) -> str:
    parts = [
        label
        for flag, label in [
            (program.for_person, _("the person")),
            (program.for_family, _("families")),
            (program.for_siblings, _("brothers and sisters")),
            (program.women_only, _("women only")),
        ]
        if flag
    ]
    if program.age_from or program.age_to:
        parts.append(
            _("ages %(from)s–%(to)s") % {"from": program.age_from or "", "to": program.age_to or ""}
        )
    return "・".join(parts) or _("anyone")


PROGRAMS = Table(
    "programs",
    gettext_lazy("Programs"),
    [
        Column("kind", gettext_lazy("Kind"), kind=CHOICE, order_by="kind"),
        Column(
            "name",
            pgettext_lazy("program", "Name"),
            link=lambda p: reverse("programs:program_detail", args=[p.pk]),
            order_by="name",
        ),
        Column(
            "archived",
            gettext_lazy("archived"),
            lambda p: _("archived") if p.archived_on else "",
            under="name",
            sheet=False,
            css="badge",
        ),
        Column("format", gettext_lazy("Held"), kind=CHOICE),
        Column("audience", gettext_lazy("For"), _audience),
        Column("venue", gettext_lazy("Venue")),
        Column("registration", gettext_lazy("Registration"), kind=CHOICE, page=False),
        Column("capacity", gettext_lazy("Capacity"), kind=NUMBER, page=False),
        Column("cost", gettext_lazy("Cost"), page=False),
        Column("residents", gettext_lazy("Who may take part"), kind=CHOICE, page=False),
        Column("municipalities", gettext_lazy("Municipalities"), page=False),
        Column("next_on", gettext_lazy("Next session"), kind=DATE, order_by="next_on"),
        Column("is_public", gettext_lazy("Public"), lambda p: _("public") if p.is_public else ""),
    ],
    model="programs.Program",
    empty=gettext_lazy("No program is recorded yet."),
)

SESSIONS = Table(
    "program-sessions",
    gettext_lazy("Sessions"),
    [
        Column(
            "on",
            gettext_lazy("Date"),
            kind=DATE,
            link=lambda s: reverse("programs:session_detail", args=[s.pk]),
            order_by=("on", "starts_at"),
        ),
        Column(
            "time",
            gettext_lazy("Time"),
            lambda s: f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}",
        ),
        Column("program", gettext_lazy("Program"), "program.name", order_by="program__name"),
        Column("format", gettext_lazy("Held"), kind=CHOICE),
        Column("where", gettext_lazy("Venue"), "where"),
        Column(
            "status",
            gettext_lazy("Status"),
            kind=CHOICE,
            css=lambda s: f"status status--{s.status}",
        ),
        Column("change_reason", gettext_lazy("Why called off or moved"), page=False),
        Column("named", gettext_lazy("Named or nicknamed"), kind=NUMBER),
        Column("count_person", gettext_lazy("People (head count)"), kind=NUMBER, page=False),
        Column("count_family", gettext_lazy("Family (head count)"), kind=NUMBER, page=False),
        Column("count_other", gettext_lazy("Others (head count)"), kind=NUMBER, page=False),
        Column("came", gettext_lazy("Took part"), lambda s: s.named + s.head_count, kind=NUMBER),
    ],
    model="programs.ProgramSession",
    empty=gettext_lazy("No session."),
)

PARTICIPANTS = Table(
    "program-participants",
    gettext_lazy("Participants"),
    [
        Column("nickname", gettext_lazy("Nickname"), order_by="nickname"),
        Column("kind", gettext_lazy("Taking part as"), kind=CHOICE),
        Column("municipality", gettext_lazy("Municipality")),
        Column("first_came_on", gettext_lazy("First came on"), kind=DATE, order_by="first_came_on"),
        Column("visits", gettext_lazy("Visits"), kind=NUMBER),
    ],
    model="programs.ProgramParticipant",
    empty=gettext_lazy("Nobody on the list yet."),
)
