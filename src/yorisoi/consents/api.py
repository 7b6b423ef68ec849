from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.agencies.api import UsableAgencyField
from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.consents import services
from yorisoi.consents.models import Consent, InformationItem, SharingPurpose
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, run_service
from yorisoi.core.views import request_member


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    case = ScopedRelatedField(Case)
    given_by_member = ScopedRelatedField(HouseholdMember, required=False, allow_null=True)
    agency = UsableAgencyField(required=False, allow_null=True)
    purposes = serializers.ListField(
        child=serializers.ChoiceField(choices=SharingPurpose.choices), required=False
    )
    items = serializers.ListField(
        child=serializers.ChoiceField(choices=InformationItem.choices), required=False
    )
    in_force = serializers.SerializerMethodField()

    class Meta:
        model = Consent
        fields = [
            "id",
            "case",
            "kind",
            "given_by",
            "given_by_member",
            "given_on",
            "scope",
            "recipient",
            "purpose",
            "agency",
            "agency_category",
            "purposes",
            "items",
            "expires_on",
            "withdrawn_on",
            "withdrawal_note",
            "in_force",
        ]
        read_only_fields = ["id", "withdrawn_on", "withdrawal_note"]

    def get_in_force(self, consent: Consent) -> bool:
        return consent.is_in_force()


class WithdrawSerializer(serializers.Serializer[None]):  # input only
    on = serializers.DateField()
    note = serializers.CharField(max_length=500, required=False, default="")


class ConsentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[Consent],
):
    """Consents. They are never edited: a change is a withdrawal and a new consent."""

    model = Consent
    serializer_class = ConsentSerializer
    filterset_fields = ["case", "kind"]

    def perform_create(self, serializer: serializers.BaseSerializer[Consent]) -> None:
        serializer.instance = run_service(
            services.record_consent, actor=request_member(self.request), **serializer.validated_data
        )

    @extend_schema(request=WithdrawSerializer, responses=ConsentSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """Record that the consent was withdrawn; it stays on record, no longer in force."""
        consent = self.get_object()
        form = WithdrawSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        consent = run_service(
            services.withdraw_consent,
            actor=request_member(request),
            consent=consent,
            **form.validated_data,
        )
        return Response(ConsentSerializer(consent, context={"request": request}).data)
