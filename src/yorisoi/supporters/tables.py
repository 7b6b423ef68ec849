"""The supporter registry and training courses as lists: page, download and API order."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from yorisoi.core.tables import CHOICE, DATE, NUMBER, Column, Table

SUPPORTERS = Table(
    "supporters",
    gettext_lazy("Supporters"),
    [
        Column(
            "name",
            pgettext_lazy("person", "Name"),
            link=lambda s: reverse("supporters:supporter_detail", args=[s.pk]),
            order_by=("name_kana", "name"),
        ),
        Column("name_kana", gettext_lazy("Furigana"), page=False),
        Column("kind", gettext_lazy("Kind"), kind=CHOICE, order_by="kind"),
        Column(
            "status",
            gettext_lazy("Status"),
            kind=CHOICE,
            css=lambda s: f"status status--{s.status}",
        ),
        Column("municipality", gettext_lazy("Municipality")),
        Column("pledge_signed_on", gettext_lazy("Pledge signed on"), kind=DATE, empty="—"),
        Column("trained", gettext_lazy("Courses completed"), kind=NUMBER),
        Column("can_help", gettext_lazy("Can help with"), truncate=60),
        Column("availability", gettext_lazy("When they can help"), page=False),
        Column("phone", gettext_lazy("Phone"), page=False),
        Column("email", gettext_lazy("E-mail"), page=False),
    ],
    model="supporters.Supporter",
    empty=gettext_lazy("No supporter is registered yet."),
)

COURSES = Table(
    "training-courses",
    gettext_lazy("Training courses"),
    [
        Column(
            "name",
            pgettext_lazy("course", "Name"),
            link=lambda c: reverse("supporters:course_detail", args=[c.pk]),
            order_by="name",
        ),
        Column(
            "follow_up",
            gettext_lazy("follow-up"),
            lambda c: _("follow-up") if c.follow_up else "",
            under="name",
            sheet=False,
            css="badge",
        ),
        Column("held_from", gettext_lazy("Held from"), kind=DATE, order_by="held_from"),
        Column("held_until", gettext_lazy("Held until"), kind=DATE, page=False),
        Column(
            "topics",
            gettext_lazy("Curriculum"),
            lambda c: c.topic_labels(),
        ),
        Column("completed", gettext_lazy("Completed"), kind=NUMBER),
    ],
    model="supporters.TrainingCourse",
    empty=gettext_lazy("No training course is recorded yet."),
)
