from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from yorisoi.core.api import HasMember
from yorisoi.organizations.selectors import active_memberships


class MembershipSummarySerializer(serializers.Serializer):
    organization = serializers.CharField(source="organization.slug")
    organization_name = serializers.CharField(source="organization.name")
    role = serializers.CharField()


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField()
    active_organization = serializers.CharField()
    memberships = MembershipSummarySerializer(many=True)


class MeView(APIView):
    """The caller, the organization they act in, and the ones they may switch to."""

    permission_classes = [HasMember]
    serializer_class = MeSerializer

    def get(self, request):
        data = {
            "username": request.user.username,
            "full_name": request.user.full_name,
            "active_organization": request.member.organization.slug,
            "memberships": active_memberships(request.user),
        }
        return Response(MeSerializer(data).data)
