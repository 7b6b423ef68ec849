"""REST API of evaluation instruments (read only) and evaluations (scoped like the pages)."""

from typing import Any

import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, routers, serializers
from rest_framework.utils.serializer_helpers import ReturnDict

from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin
from yorisoi.core.filters import ScopedFilterBackend, ScopedFilterSet
from yorisoi.core.tables import TableOrdering
from yorisoi.evaluations import selectors, services, tables
from yorisoi.evaluations.models import (
    Evaluation,
    Instrument,
    InstrumentVersion,
    Item,
    Level,
    Score,
)
from yorisoi.evaluations.scoring import GroupTotal
from yorisoi.organizations.models import Membership


class LevelSerializer(serializers.ModelSerializer[Level]):
    value = serializers.IntegerField(read_only=True)  # no backend-dependent maximum in the schema

    class Meta:
        model = Level
        fields = ["value", "text"]


class ItemSerializer(serializers.ModelSerializer[Item]):
    levels = LevelSerializer(many=True, read_only=True)
    order = serializers.IntegerField(read_only=True)

    class Meta:
        model = Item
        fields = ["id", "code", "label", "kind", "group", "order", "rated_by_default", "levels"]


class InstrumentVersionSerializer(serializers.ModelSerializer[InstrumentVersion]):
    items = ItemSerializer(many=True, read_only=True)
    number = serializers.IntegerField(read_only=True)

    class Meta:
        model = InstrumentVersion
        fields = ["id", "number", "published_on", "items"]


class InstrumentSerializer(serializers.ModelSerializer[Instrument]):
    shipped = serializers.BooleanField(source="is_shipped", read_only=True)
    versions = InstrumentVersionSerializer(many=True, read_only=True)

    class Meta:
        model = Instrument
        fields = ["id", "code", "name", "description", "is_active", "shipped", "versions"]


class InstrumentViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[Instrument]
):
    """Instruments: shipped ones and the organization's own, with every version's items."""

    model = Instrument
    serializer_class = InstrumentSerializer
    filterset_fields = ["code", "is_active"]

    def get_queryset(self) -> QuerySet[Instrument]:
        items = Item.objects.prefetch_related("levels")
        versions = InstrumentVersion.objects.order_by("-number").prefetch_related(
            Prefetch("items", queryset=items)
        )
        return super().get_queryset().prefetch_related(Prefetch("versions", queryset=versions))


class ScoreSerializer(serializers.ModelSerializer[Score]):
    item = ScopedRelatedField(Item)
    value = serializers.IntegerField(
        allow_null=True,
        min_value=0,
        help_text="A level's value, 1/0 for yes/no, null if not rated.",
    )

    class Meta:
        model = Score
        fields = ["item", "value"]


class GroupTotalSerializer(serializers.Serializer[GroupTotal]):
    group = serializers.CharField()
    points = serializers.IntegerField(allow_null=True, help_text="Null when no item was rated.")
    answered = serializers.IntegerField(help_text="How many of the group's items were rated.")
    items = serializers.IntegerField()


class EvaluationSerializer(serializers.ModelSerializer[Evaluation]):
    case = ScopedRelatedField(Case)
    instrument_version = ScopedRelatedField(InstrumentVersion)
    rater_member = ScopedRelatedField(HouseholdMember, required=False, allow_null=True)
    rated_by = ScopedRelatedField(Membership, required=False, allow_null=True)
    fiscal_year = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1900,
        max_value=9999,
        help_text="Empty to take it from the date (a year-end rating in April or May counts "
        "for the year just ended).",
    )
    scores = ScoreSerializer(many=True, required=False)
    totals = serializers.SerializerMethodField()
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Evaluation
        fields = [
            "id",
            "case",
            "instrument_version",
            "timing",
            "rated_on",
            "fiscal_year",
            "rater",
            "rater_member",
            "rated_by",
            "note",
            "scores",
            "totals",
            "version",
        ]
        read_only_fields = ["id"]

    @extend_schema_field(GroupTotalSerializer(many=True))
    def get_totals(self, evaluation: Evaluation) -> list[ReturnDict[str, Any]]:
        return [GroupTotalSerializer(total).data for total in evaluation.totals()]


class EvaluationFilterSet(ScopedFilterSet):
    instrument = django_filters.CharFilter(
        field_name="instrument_version__instrument__code", label="Instrument code"
    )

    class Meta:
        model = Evaluation
        fields = ["case", "timing", "rater", "rated_by", "fiscal_year", "instrument"]


def _scores_by_item(scores: list[dict[str, Any]] | None) -> dict[int, int | None] | None:
    if scores is None:
        return None
    return {score["item"].pk: score["value"] for score in scores}


class EvaluationViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Evaluation],
):
    """Evaluations. ``scores`` lists an item and its value (null: not rated); an update
    changes only the items it names and must send the version it started from."""

    model = Evaluation
    table = tables.EVALUATIONS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = EvaluationSerializer
    filterset_class = EvaluationFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    create_service = staticmethod(services.record_evaluation)
    update_service = staticmethod(services.change_evaluation)
    update_arg = "evaluation"
    fixed_on_update = ("case", "instrument_version")

    def get_queryset(self) -> QuerySet[Evaluation]:
        return selectors.with_scores(super().get_queryset()).order_by("-rated_on", "-pk")

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "scores": _scores_by_item(data.get("scores")) or {}}

    def update_data(self, evaluation: Evaluation, data: dict[str, Any]) -> dict[str, Any]:
        if "scores" in data:
            data["scores"] = _scores_by_item(data["scores"])
        return data


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("instruments", InstrumentViewSet, basename="instrument")
    router.register("evaluations", EvaluationViewSet, basename="evaluation")
