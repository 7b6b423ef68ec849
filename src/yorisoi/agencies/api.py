from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, routers, serializers

from yorisoi.agencies import services, tables
from yorisoi.agencies.filtersets import AgencyFilterSet
from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.organizations.models import Organization


class UsableAgencyField(serializers.PrimaryKeyRelatedField[Agency]):
    """An agency of the caller's directory (own entries and shared ones)."""

    def get_queryset(self) -> QuerySet[Agency]:
        member = getattr(self.context.get("request"), "member", None)
        if member is None:
            return Agency.objects.none()
        return Agency.objects.usable_by(member.organization_id)


class AgencySerializer(serializers.ModelSerializer[Agency]):
    version = serializers.IntegerField(required=False)
    linked_organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.filter(is_active=True), required=False, allow_null=True
    )
    kept_by = serializers.CharField(source="organization.name", read_only=True)

    def to_representation(self, instance: Agency) -> dict[str, Any]:
        data = super().to_representation(instance)
        member = getattr(self.context.get("request"), "member", None)
        # Notes stay with the organization that keeps the entry, as on the pages and sheets.
        if member is None or instance.organization_id != member.organization_id:
            data["notes"] = ""
        return data

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "name_kana",
            "category",
            "area",
            "address",
            "phone",
            "email",
            "website",
            "contact_person",
            "hours",
            "offers",
            "notes",
            "shared",
            "linked_organization",
            "is_active",
            "kept_by",
            "version",
        ]
        read_only_fields = ["id", "kept_by"]


class AgencyViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Agency],
):
    """The agency directory: the organization's own entries and those others share."""

    model = Agency
    table = tables.AGENCIES
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = AgencySerializer
    filterset_class = AgencyFilterSet
    create_service = staticmethod(services.add_agency)
    update_service = staticmethod(services.change_agency)
    update_arg = "agency"

    def get_queryset(self) -> QuerySet[Agency]:
        return super().get_queryset().select_related("organization")


class CouncilSerializer(serializers.ModelSerializer[SupportCouncil]):
    version = serializers.IntegerField(required=False)
    members = ScopedRelatedField(Agency, many=True, required=False)

    class Meta:
        model = SupportCouncil
        fields = [
            "id",
            "name",
            "legal_basis",
            "established_on",
            "ended_on",
            "members",
            "confidentiality",
            "notes",
            "version",
        ]
        read_only_fields = ["id"]


class CouncilViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[SupportCouncil],
):
    """Support councils constituted by law, whose members may share without consent."""

    model = SupportCouncil
    table = tables.COUNCILS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = CouncilSerializer
    create_service = staticmethod(services.constitute_council)
    update_service = staticmethod(services.change_council)
    update_arg = "council"

    def get_queryset(self) -> QuerySet[SupportCouncil]:
        return super().get_queryset().prefetch_related("members")


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("agencies", AgencyViewSet, basename="agency")
    router.register("support-councils", CouncilViewSet, basename="supportcouncil")
