from yorisoi.core import navigation


def nav(request):
    member = getattr(request, "member", None)
    return {"nav_items": navigation.entries_for(member, request.path) if member else []}
