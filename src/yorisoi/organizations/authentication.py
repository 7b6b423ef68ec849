"""API authentication that also settles which membership the caller acts through.

Pages get ``request.member`` from the middleware; the API authenticates inside the view
(tokens carry no session), so the same question is answered here, once, for every endpoint.
"""

from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions

from yorisoi.organizations.selectors import resolve_member

ORGANIZATION_HEADER = "X-Yorisoi-Organization"


def settle_member(request, user) -> None:
    """Set ``request.member`` for an authenticated API user (the header may choose one)."""
    slug = request.headers.get(ORGANIZATION_HEADER)
    session_member = getattr(request._request, "member", None)
    if session_member is not None and session_member.user_id != user.pk:
        session_member = None  # a token of another user than the session's: never mix them
    if slug:
        member = resolve_member(user, organization_slug=slug)
        if member is None:
            raise exceptions.PermissionDenied("Not a member of that organization.")
    else:
        member = session_member or resolve_member(user)
    request._request.member = member


class MemberTokenAuthentication(authentication.TokenAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            settle_member(request, result[0])
        return result


class MemberSessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            settle_member(request, result[0])
        return result


class MemberSessionScheme(SessionScheme):
    """OpenAPI: our session class documents as DRF's (the token subclass already matches)."""

    target_class = MemberSessionAuthentication
