"""REST API of assessments and urgency changes (scoped, written through the services)."""

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, routers, serializers

from yorisoi.assessments import services
from yorisoi.assessments.choices import RiskItem, Urgency
from yorisoi.assessments.models import Assessment, PreInterview, RiskFinding, UrgencyChange
from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin


class RiskFindingSerializer(serializers.ModelSerializer[RiskFinding]):
    item = serializers.ChoiceField(choices=RiskItem.choices)

    class Meta:
        model = RiskFinding
        fields = ["item", "note"]


class AssessmentSerializer(serializers.ModelSerializer[Assessment]):
    case = ScopedRelatedField(Case)
    key_person = ScopedRelatedField(HouseholdMember, required=False, allow_null=True)
    risks = RiskFindingSerializer(many=True, required=False)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "case",
            "assessed_on",
            "assessed_by",
            "body_and_habits",
            "mind_and_feelings",
            "social_environment",
            "family_relations",
            "key_person",
            "strengths_and_interests",
            "person_wishes",
            "person_wishes_status",
            "person_wishes_heard",
            "family_wishes",
            "family_worn_out",
            "family_impatient",
            "family_torn",
            "family_strain",
            "risks",
            "urgency",
            "urgency_reason",
        ]
        read_only_fields = ["id", "assessed_by"]


class AssessmentViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[Assessment],
):
    """Assessments: each a dated record, never changed; a new one is a new record."""

    model = Assessment
    serializer_class = AssessmentSerializer
    filterset_fields = ["case", "assessed_by", "urgency"]
    create_service = staticmethod(services.record_assessment)

    def get_queryset(self) -> QuerySet[Assessment]:
        return super().get_queryset().prefetch_related("risks")

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        data["risks"] = {risk["item"]: risk.get("note", "") for risk in data.get("risks", [])}
        return data


class UrgencyChangeSerializer(serializers.ModelSerializer[UrgencyChange]):
    case = ScopedRelatedField(Case)
    level = serializers.ChoiceField(choices=Urgency.choices)

    class Meta:
        model = UrgencyChange
        fields = [
            "id",
            "case",
            "level",
            "reason",
            "changed_at",
            "changed_by",
            "assessment",
            "meeting_due_on",
        ]
        read_only_fields = ["id", "changed_at", "changed_by", "assessment", "meeting_due_on"]


class UrgencyChangeViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[UrgencyChange],
):
    """The urgency of cases over time; posting judges a case's urgency again."""

    model = UrgencyChange
    serializer_class = UrgencyChangeSerializer
    filterset_fields = ["case", "level", "changed_by"]
    create_service = staticmethod(services.change_urgency)


class PreInterviewSerializer(serializers.ModelSerializer[PreInterview]):
    case = ScopedRelatedField(Case)
    with_members = ScopedRelatedField(HouseholdMember, many=True, required=False)

    class Meta:
        model = PreInterview
        fields = [
            "id",
            "case",
            "held_on",
            "held_by",
            "channel",
            "with_person",
            "with_members",
            "situation",
            "explained_support",
            "explained_costs",
            "explained_accidents",
            "explained_stopping",
            "explained_privacy",
            "person_knows",
            "meeting_on",
            "meeting_place",
            "meeting_with",
            "agreed",
            "suitability",
            "suitability_note",
        ]
        read_only_fields = ["id", "held_by"]


class PreInterviewViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[PreInterview],
):
    """Pre-interviews (事前面接) before the first meeting with the person; each a dated record."""

    model = PreInterview
    serializer_class = PreInterviewSerializer
    filterset_fields = ["case"]
    create_service = staticmethod(services.record_pre_interview)

    def get_queryset(self) -> QuerySet[PreInterview]:
        return super().get_queryset().prefetch_related("with_members")


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("assessments", AssessmentViewSet, basename="assessment")
    router.register("pre-interviews", PreInterviewViewSet, basename="preinterview")
    router.register("urgency-changes", UrgencyChangeViewSet, basename="urgencychange")
