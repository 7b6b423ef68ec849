"""The start page's panel of what is due, and the page with every item."""

from django.utils import timezone

from yorisoi.due.registry import due_for


def due_panel(member) -> dict:
    """For the start page: the first few items of each kind."""
    today = timezone.localdate()
    return {"groups": due_for(member, today), "today": today}
