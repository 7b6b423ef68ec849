"""API authentication that also settles which membership the caller acts through.

Pages get ``request.member`` from the middleware; the API authenticates inside the view
(tokens carry no session), so the same question is answered here, once, for every endpoint.
"""

from django.utils import timezone
from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions

from yorisoi.organizations.models import ApiToken
from yorisoi.organizations.selectors import resolve_member
from yorisoi.organizations.services import token_refusal, touch_token

ORGANIZATION_HEADER = "X-Yorisoi-Organization"


def settle_member(request, user) -> None:
    """Set ``request.member`` for a session user of the API (the header may choose one)."""
    slug = request.headers.get(ORGANIZATION_HEADER)
    session_member = getattr(request._request, "member", None)
    if session_member is not None and session_member.user_id != user.pk:
        session_member = None  # never mix one user's session with another's credentials
    if slug:
        member = resolve_member(user, organization_slug=slug)
        if member is None:
            raise exceptions.PermissionDenied("Not a member of that organization.")
    else:
        member = session_member or resolve_member(user)
    request._request.member = member


class MemberTokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <key>``: one of the member's hashed, expiring API tokens.

    A token acts as the member it was issued to, in that organization only. It is refused
    once expired, when the member, the account or the organization is no longer active, and
    when the organization requires a second factor the member has not set up.
    (Subclassing DRF's class keeps the header, the 401 answer and the OpenAPI scheme.)
    """

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            token = result[1]
            slug = request.headers.get(ORGANIZATION_HEADER)
            if slug and slug != token.membership.organization.slug:
                raise exceptions.PermissionDenied(
                    "This token acts in another organization; issue one there."
                )
            request._request.member = token.membership
        return result

    def authenticate_credentials(self, key):
        token = ApiToken.objects.for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        membership = token.membership
        if timezone.now() >= token.valid_until:
            raise exceptions.AuthenticationFailed(
                "The token has expired; issue a new one on your account page."
            )
        if not (
            membership.is_active and membership.user.is_active and membership.organization.is_active
        ):
            raise exceptions.AuthenticationFailed("The token's holder can no longer sign in here.")
        refusal = token_refusal(membership)
        if refusal:
            raise exceptions.AuthenticationFailed(refusal)
        touch_token(token)
        return membership.user, token


class MemberSessionAuthentication(authentication.SessionAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            settle_member(request, result[0])
        return result


class MemberSessionScheme(SessionScheme):
    """OpenAPI: our session class documents as DRF's (the token subclass already matches)."""

    # drf-spectacular's SessionScheme sets a dotted path, so mypy takes the attribute for a str;
    # the base class (OpenApiAuthenticationExtension) accepts a class as well.
    target_class = MemberSessionAuthentication  # type: ignore[assignment]
