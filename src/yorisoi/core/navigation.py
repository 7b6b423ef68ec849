"""The main navigation: each app registers its entries; a member sees those their role allows."""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse


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


def entries_for(member, current_path: str = "") -> list[dict]:
    items = []
    for entry in sorted(_entries, key=lambda e: e.order):
        if apps.get_model(entry.model).access_policy.allows(member, entry.action):
            url = reverse(entry.url_name)
            current = current_path == url or (url != "/" and current_path.startswith(url))
            items.append({"label": entry.label, "url": url, "current": current})
    return items
