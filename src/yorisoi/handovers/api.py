"""REST API of handovers: hand a case over, acknowledge, reassign a departing worker's cases."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, routers, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.cases.models import Case
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.handovers import services, tables
from yorisoi.handovers.choices import HandoverReason
from yorisoi.handovers.filtersets import HandoverApiFilterSet
from yorisoi.handovers.models import Handover
from yorisoi.organizations.models import Membership

LIST_FIELDS = [
    "id",
    "case",
    "from_staff",
    "to_staff",
    "reason",
    "note",
    "handed_over_on",
    "made_by",
    "pending",
    "acknowledged_at",
    "acknowledged_by",
    "acknowledgement_note",
    "superseded_by",
]


class HandoverListSerializer(serializers.ModelSerializer[Handover]):
    """A handover without its summary (lists stay small; GET one handover for the summary)."""

    case = ScopedRelatedField(Case)
    to_staff = ScopedRelatedField(Membership)
    pending = serializers.BooleanField(source="is_pending", read_only=True)

    class Meta:
        model = Handover
        fields = LIST_FIELDS
        read_only_fields = [
            "id",
            "from_staff",
            "made_by",
            "acknowledged_at",
            "acknowledged_by",
            "acknowledgement_note",
            "superseded_by",
        ]


class HandoverSerializer(HandoverListSerializer):
    summary = serializers.JSONField(
        read_only=True, help_text="The case as it stood at the handover (see summary sections)."
    )

    class Meta(HandoverListSerializer.Meta):
        fields = [*LIST_FIELDS, "summary"]


class HandoverAcknowledgeSerializer(serializers.Serializer[None]):  # input only
    note = serializers.CharField(required=False, default="", allow_blank=True)


class BulkHandoverSerializer(serializers.Serializer[None]):  # input only
    from_staff = ScopedRelatedField(Membership)
    to_staff = ScopedRelatedField(Membership)
    reason = serializers.ChoiceField(choices=HandoverReason.choices)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    handed_over_on = serializers.DateField()
    cases = ScopedRelatedField(
        Case,
        many=True,
        required=False,
        help_text="Some of the worker's open cases; leave out to hand over all of them.",
    )


class HandoverViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[Handover],
):
    """Handovers. Create hands a case to a new primary worker and keeps its summary."""

    model = Handover
    table = tables.HANDOVERS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = HandoverSerializer
    filterset_class = HandoverApiFilterSet
    create_service = staticmethod(services.hand_over)

    def get_queryset(self) -> QuerySet[Handover]:
        queryset = super().get_queryset().order_by("-handed_over_on", "-pk")
        return queryset.defer("summary") if self.action == "list" else queryset

    def get_serializer_class(self) -> type[HandoverListSerializer]:
        return HandoverListSerializer if self.action == "list" else HandoverSerializer

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        data["on"] = data.pop("handed_over_on")
        return data

    @extend_schema(request=HandoverAcknowledgeSerializer, responses=HandoverSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str | None = None) -> Response:
        """The new primary worker acknowledges the handover (only they can, and once)."""
        handover = self.get_object()
        form = HandoverAcknowledgeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        handover = run_service(
            services.acknowledge,
            actor=request_member(request),
            handover=handover,
            **form.validated_data,
        )
        return Response(HandoverSerializer(handover, context={"request": request}).data)

    @extend_schema(request=BulkHandoverSerializer, responses={201: HandoverSerializer(many=True)})
    @action(detail=False, methods=["post"], filterset_class=None, pagination_class=None)
    def bulk(self, request: Request) -> Response:
        """A supervisor hands a departing worker's open cases (all or some) to another worker.

        Each case gets its own handover and summary; if one cannot be handed over, none is.
        """
        form = BulkHandoverSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        data["on"] = data.pop("handed_over_on")
        handovers = run_service(services.bulk_hand_over, actor=request_member(request), **data)
        serializer = HandoverSerializer(handovers, many=True, context={"request": request})
        return Response(serializer.data, status=201)


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("handovers", HandoverViewSet, basename="handover")
