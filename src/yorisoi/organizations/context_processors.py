def membership(request):
    """The active membership and the others the user may switch to, for the header."""
    member = getattr(request, "member", None)
    if member is None:
        return {"member": None, "other_memberships": []}
    others = [m for m in getattr(request, "memberships", []) if m.pk != member.pk]
    return {"member": member, "other_memberships": others}
