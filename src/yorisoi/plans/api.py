from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, routers, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.cases.api import DecisionSerializer
from yorisoi.cases.models import Case
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.plans import services, tables
from yorisoi.plans.models import Goal, SupportPlan


class GoalSerializer(serializers.ModelSerializer[Goal]):
    class Meta:
        model = Goal
        fields = [
            "domain",
            "domain_named",
            "horizon",
            "text",
            "steps",
            "proposed_by",
            "person_agreed",
            "persons_own",
        ]


class SupportPlanSerializer(serializers.ModelSerializer[SupportPlan]):
    case = ScopedRelatedField(Case)
    goals = GoalSerializer(many=True, required=False)

    class Meta:
        model = SupportPlan
        fields = [
            "id",
            "case",
            "number",
            "made_on",
            "person_intentions",
            "person_intentions_status",
            "person_intentions_heard",
            "family_intentions",
            "review_on",
            "goals_status",
            "goals",
            "approval",
        ]
        read_only_fields = ["id", "number", "approval"]


class SupportPlanViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[SupportPlan],
):
    """Support plan versions; posting makes the next version of the case's plan."""

    model = SupportPlan
    table = tables.PLANS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = SupportPlanSerializer
    filterset_fields = ["case"]
    create_service = staticmethod(services.make_plan)

    def get_queryset(self) -> QuerySet[SupportPlan]:
        return super().get_queryset().prefetch_related("goals")

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        data["goals"] = data.get("goals", [])
        return data

    @extend_schema(request=DecisionSerializer, responses=SupportPlanSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """A supervisor approves a new plan version or returns it with a comment."""
        plan = self.get_object()
        form = DecisionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        plan = run_service(
            services.decide_plan, actor=request_member(request), plan=plan, **form.validated_data
        )
        return Response(SupportPlanSerializer(plan, context={"request": request}).data)


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("plans", SupportPlanViewSet, basename="supportplan")
