from yorisoi.organizations.selectors import active_memberships


def membership(request):
    """The active membership and the others the user may switch to, for the header."""
    member = getattr(request, "member", None)
    if member is None:
        return {"member": None, "other_memberships": []}
    return {
        "member": member,
        "other_memberships": lambda: [
            m for m in active_memberships(request.user) if m.pk != member.pk
        ],
    }
