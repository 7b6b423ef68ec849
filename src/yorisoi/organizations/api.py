from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.core.api import ScopedViewSet, ServiceWritesMixin
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.roles import Role
from yorisoi.core.tables import TableOrdering
from yorisoi.organizations import services, tables
from yorisoi.organizations.filtersets import MembershipFilterSet
from yorisoi.organizations.models import Membership, Organization


class OrganizationSerializer(serializers.ModelSerializer[Organization]):
    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "prefecture",
            "municipality",
            "require_two_factor",
            "api_token_days",
        ]
        read_only_fields = ["id", "slug"]


class OrganizationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[Organization]
):
    """The caller's active organization."""

    model = Organization
    serializer_class = OrganizationSerializer


class MembershipSerializer(serializers.ModelSerializer[Membership]):
    username = serializers.CharField(source="user.username", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    full_name_kana = serializers.CharField(source="user.full_name_kana", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    version = serializers.IntegerField(
        help_text="The version the change starts from; a stale version answers 409."
    )

    class Meta:
        model = Membership
        fields = [
            "id",
            "username",
            "full_name",
            "full_name_kana",
            "email",
            "role",
            "title",
            "is_active",
            "version",
        ]
        read_only_fields = ["id"]


class MembershipCreateSerializer(serializers.Serializer[Membership]):  # instance: the new one
    username = serializers.RegexField(r"^[\w.@+-]+\Z", max_length=150)
    full_name = serializers.CharField(max_length=100)
    full_name_kana = serializers.CharField(max_length=100, required=False, default="")
    email = serializers.EmailField(required=False, default="")
    role = serializers.ChoiceField(choices=Role.choices)
    title = serializers.CharField(max_length=100, required=False, default="")


class MembershipViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Membership],
):
    """Staff of the active organization; system administrators add and change them."""

    model = Membership
    table = tables.STAFF
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Membership]:
        return super().get_queryset().select_related("user")

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Membership]]:
        return MembershipCreateSerializer if self.action == "create" else MembershipSerializer

    # Accounts created through the API get no password: an administrator sets one.
    create_service = staticmethod(services.add_staff)
    update_service = staticmethod(services.change_staff)
    update_arg = "membership"

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(MembershipSerializer(serializer.instance).data, status=201)
