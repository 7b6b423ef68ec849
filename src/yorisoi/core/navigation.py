"""The main navigation: each app registers its entries; a member sees those their role allows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.apps import apps
from django.urls import NoReverseMatch, resolve, reverse

from yorisoi.core.scoping import Member, scoped

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class NavEntry:
    label: StrOrPromise  # lazy translation
    url_name: str
    model: str  # "app_label.ModelName" whose access policy decides visibility
    action: str
    order: int


class NavItem(TypedDict):
    label: StrOrPromise
    url: str
    current: bool


_entries: list[NavEntry] = []


def register(
    label: StrOrPromise, url_name: str, *, model: str, action: str = "view", order: int = 50
) -> None:
    entry = NavEntry(label, url_name, model, action, order)
    if entry not in _entries:
        _entries.append(entry)


def may_open(member: Member | None, url_name: str, *args: object) -> bool:
    """May the member open this page? Asks the view's own rule (``allows``), the one it enforces.

    A page shows a link only when this is true, so nobody is offered a link that answers 403.
    """
    try:
        view_class = getattr(resolve(reverse(url_name, args=args)).func, "view_class", None)
    except NoReverseMatch:
        return False
    allows: Callable[[Member | None], bool] | None = getattr(view_class, "allows", None)
    return allows(member) if allows is not None else member is not None


def entries_for(member: Member | None, current_path: str = "") -> list[NavItem]:
    """The entries the member's role may open; the one the page lies under is marked current.

    Only one entry is current: the longest URL the path starts with (相談申込 lives under
    /cases/inquiries/, so the ケース tab must not light up beside it).
    """
    items: list[NavItem] = []
    for entry in sorted(_entries, key=lambda e: e.order):
        policy = scoped(apps.get_model(entry.model)).access_policy
        if policy.allows(member, entry.action) and may_open(member, entry.url_name):
            url = reverse(entry.url_name)
            items.append({"label": entry.label, "url": url, "current": False})
    under = [
        item
        for item in items
        if current_path == item["url"]
        or (item["url"] != "/" and current_path.startswith(item["url"]))
    ]
    if under:
        max(under, key=lambda item: len(item["url"]))["current"] = True
    return items
