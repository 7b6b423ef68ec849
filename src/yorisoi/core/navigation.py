"""The main navigation: each app registers its entries; a member sees those their role allows."""

from dataclasses import dataclass

from django.apps import apps
from django.urls import NoReverseMatch, resolve, reverse


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    model: str  # "app_label.ModelName" whose access policy decides visibility
    action: str
    order: int


_entries: list[NavEntry] = []


def register(label, url_name: str, *, model: str, action: str = "view", order: int = 50) -> None:
    entry = NavEntry(label, url_name, model, action, order)
    if entry not in _entries:
        _entries.append(entry)


def may_open(member, url_name: str, *args) -> bool:
    """May the member open this page? Asks the view's own rule (``allows``), the one it enforces.

    A page shows a link only when this is true, so nobody is offered a link that answers 403.
    """
    try:
        view_class = getattr(resolve(reverse(url_name, args=args)).func, "view_class", None)
    except NoReverseMatch:
        return False
    allows = getattr(view_class, "allows", None)
    return allows(member) if allows is not None else member is not None


def entries_for(member, current_path: str = "") -> list[dict]:
    """The entries the member's role may open; the one the page lies under is marked current.

    Only one entry is current: the longest URL the path starts with (相談申込 lives under
    /cases/inquiries/, so the ケース tab must not light up beside it).
    """
    items = []
    for entry in sorted(_entries, key=lambda e: e.order):
        if apps.get_model(entry.model).access_policy.allows(member, entry.action) and may_open(
            member, entry.url_name
        ):
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
