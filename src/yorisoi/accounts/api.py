from typing import Any

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from yorisoi.accounts.models import User
from yorisoi.core.api import HasMember
from yorisoi.organizations.models import Membership
from yorisoi.organizations.selectors import active_memberships


class MembershipSummarySerializer(serializers.Serializer[Membership]):
    organization = serializers.CharField(source="organization.slug")
    organization_name = serializers.CharField(source="organization.name")
    role = serializers.CharField()


class MeSerializer(serializers.Serializer[dict[str, Any]]):
    username = serializers.CharField()
    full_name = serializers.CharField()
    active_organization = serializers.CharField()
    memberships = MembershipSummarySerializer(many=True)


class MeView(APIView):
    """The caller, the organization they act in, and the ones they may switch to."""

    permission_classes = [HasMember]
    serializer_class = MeSerializer

    def get(self, request: Request) -> Response:
        # HasMember lets only a signed-in user acting through a membership this far.
        user, member = request.user, getattr(request, "member", None)
        assert isinstance(user, User)
        assert isinstance(member, Membership)
        data = {
            "username": user.username,
            "full_name": user.full_name,
            "active_organization": member.organization.slug,
            "memberships": active_memberships(user),
        }
        return Response(MeSerializer(data).data)
