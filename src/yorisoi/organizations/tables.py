"""The staff list: its page, its download and the API's order, declared once."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.core.tables import CHOICE, Column, Table

STAFF = Table(
    "staff",
    gettext_lazy("Staff"),
    [
        Column(
            "full_name",
            gettext_lazy("Full name"),
            lambda m: m.user.full_name or m.user.username,
            link=lambda m: reverse("organizations:staff_detail", args=[m.pk]),
            order_by=("user__full_name_kana", "user__username"),
        ),
        Column(
            "full_name_kana", gettext_lazy("Furigana"), "user.full_name_kana", under="full_name"
        ),
        Column("username", gettext_lazy("Username"), "user.username", order_by="user__username"),
        Column("role", gettext_lazy("Role"), kind=CHOICE, order_by="role"),
        Column("title", gettext_lazy("Job title"), order_by="title"),
        Column(
            "is_active",
            gettext_lazy("Employment status"),
            lambda m: _("Active") if m.is_active else _("Left"),
            order_by="is_active",
        ),
    ],
    model="organizations.Membership",
    row_css=lambda m: "" if m.is_active else "row--muted",
    empty=gettext_lazy("No staff match."),
)
