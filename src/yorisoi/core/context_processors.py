from django.http import HttpRequest

from yorisoi.core import navigation


def nav(request: HttpRequest) -> dict[str, object]:
    member = getattr(request, "member", None)
    return {"nav_items": navigation.entries_for(member, request.path) if member else []}
