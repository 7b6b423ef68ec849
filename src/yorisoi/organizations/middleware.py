from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from yorisoi.organizations.selectors import active_memberships, choose_member

SESSION_KEY = "yorisoi_organization_id"


class ActiveMembershipMiddleware:
    """Set ``request.member``: the membership the signed-in user is acting through.

    Also enforces the organization's second-factor rule on sessions that began before it
    was switched on: such a session is ended and must sign in again with the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.member = None
        request.memberships = []
        user = request.user
        if user.is_authenticated:
            request.memberships = list(active_memberships(user))  # one query, reused by the header
            member = choose_member(
                request.memberships, organization_id=request.session.get(SESSION_KEY)
            )
            request.member = member
            if member is not None:
                if request.session.get(SESSION_KEY) != member.organization_id:
                    request.session[SESSION_KEY] = member.organization_id  # only when it changes
                if member.organization.require_two_factor and not user.is_verified():
                    logout(request)
                    messages.warning(
                        request,
                        _("This organization now requires a second factor. Please sign in again."),
                    )
                    return redirect("accounts:login")
        return self.get_response(request)
