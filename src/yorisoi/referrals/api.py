from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, routers, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.agencies.api import UsableAgencyField
from yorisoi.agencies.models import SupportCouncil
from yorisoi.cases.api import CaseSerializer
from yorisoi.cases.models import Case
from yorisoi.consents.models import InformationItem
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.organizations.models import Membership
from yorisoi.referrals import services, tables
from yorisoi.referrals.choices import Basis, SupportStarted
from yorisoi.referrals.filtersets import ProvisionFilterSet, ReferralFilterSet
from yorisoi.referrals.models import IncomingReferral, ProvisionRecord, Referral


class DisclosedRowField(serializers.ListField):
    child = serializers.CharField()


class DisclosedField(serializers.DictField):
    """Section → rows of [label, value, field]: exactly what crossed."""

    child = serializers.ListField(child=DisclosedRowField())


class ReferralSerializer(serializers.ModelSerializer[Referral]):
    case = ScopedRelatedField(Case)
    agency = UsableAgencyField()
    council = ScopedRelatedField(SupportCouncil, required=False, allow_null=True)
    previous = ScopedRelatedField(Referral, required=False, allow_null=True)
    items = serializers.ListField(
        child=serializers.ChoiceField(choices=InformationItem.choices), required=False
    )
    basis = serializers.ChoiceField(choices=Basis.choices, default=Basis.CONSENT)
    disclosed = DisclosedField(read_only=True)

    class Meta:
        model = Referral
        fields = [
            "id",
            "case",
            "agency",
            "referred_on",
            "reason",
            "purpose",
            "items",
            "channel",
            "basis",
            "consent",
            "council",
            "emergency_reason",
            "status",
            "answer_note",
            "answered_on",
            "follow_up_on",
            "support_started",
            "follow_up_note",
            "followed_up_on",
            "previous",
            "disclosed",
        ]
        read_only_fields = [
            "id",
            "consent",
            "status",
            "answer_note",
            "answered_on",
            "follow_up_on",
            "support_started",
            "follow_up_note",
            "followed_up_on",
        ]


class FollowUpSerializer(serializers.Serializer[None]):  # input only
    support_started = serializers.ChoiceField(choices=SupportStarted.choices)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    on = serializers.DateField()


class ReferralViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[Referral],
):
    """Referrals out. Personal information goes only under a consent in force covering the
    agency, purpose and items — or within a support council, or (supervisors, with a reason)
    in an emergency. A refused referral answers 400 naming the consent that is missing."""

    model = Referral
    table = tables.REFERRALS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = ReferralSerializer
    filterset_class = ReferralFilterSet
    create_service = staticmethod(services.refer)

    def get_queryset(self) -> QuerySet[Referral]:
        return super().get_queryset().select_related("agency")

    @extend_schema(request=FollowUpSerializer, responses=ReferralSerializer)
    @action(detail=True, methods=["post"], url_path="follow-up")
    def follow_up(self, request: Request, pk: str | None = None) -> Response:
        """Record whether support started at the agency."""
        referral = self.get_object()
        form = FollowUpSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        referral = run_service(
            services.record_follow_up,
            actor=request_member(request),
            referral=referral,
            **form.validated_data,
        )
        return Response(ReferralSerializer(referral, context={"request": request}).data)


class IncomingSerializer(serializers.ModelSerializer[IncomingReferral]):
    case = ScopedRelatedField(Case, required=False, allow_null=True)
    from_agency = UsableAgencyField(required=False, allow_null=True)
    from_name = serializers.CharField(max_length=200, required=False, default="")
    items = serializers.ListField(child=serializers.CharField(), read_only=True)
    disclosed = DisclosedField(read_only=True)
    from_organization = serializers.SerializerMethodField()

    class Meta:
        model = IncomingReferral
        fields = [
            "id",
            "received_on",
            "from_agency",
            "from_name",
            "from_person",
            "what_they_said",
            "sender_consent",
            "consent_confirmed_on",
            "case",
            "status",
            "decision_note",
            "decided_on",
            "items",
            "disclosed",
            "from_organization",
        ]
        read_only_fields = ["id", "consent_confirmed_on", "status", "decision_note", "decided_on"]

    def get_from_organization(self, incoming: IncomingReferral) -> bool:
        """True when it came from an organization on this installation (answer it here)."""
        return incoming.source_id is not None


class AcceptSerializer(serializers.Serializer[None]):  # input only
    opened_on = serializers.DateField()
    primary_staff = ScopedRelatedField(Membership, required=False, allow_null=True)


class DeclineSerializer(serializers.Serializer[None]):  # input only
    reason = serializers.CharField()


class ConfirmSerializer(serializers.Serializer[None]):  # input only
    on = serializers.DateField()


class IncomingViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[IncomingReferral],
):
    """Referrals received. From another organization here they wait for accept or decline and
    carry only the sections the person's consent allowed."""

    model = IncomingReferral
    table = tables.INCOMING
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = IncomingSerializer
    filterset_fields = ["case", "status"]
    create_service = staticmethod(services.receive_referral)

    @extend_schema(request=AcceptSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        """Accept: our own case is opened from what was disclosed."""
        incoming = self.get_object()
        form = AcceptSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        case = run_service(
            services.accept, actor=request_member(request), incoming=incoming, **form.validated_data
        )
        return Response(CaseSerializer(case, context={"request": request}).data)

    @extend_schema(request=DeclineSerializer, responses=IncomingSerializer)
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str | None = None) -> Response:
        """Decline with a reason the referring organization sees."""
        incoming = self.get_object()
        form = DeclineSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        incoming = run_service(
            services.decline,
            actor=request_member(request),
            incoming=incoming,
            **form.validated_data,
        )
        return Response(IncomingSerializer(incoming, context={"request": request}).data)

    @extend_schema(request=ConfirmSerializer, responses=IncomingSerializer)
    @action(detail=True, methods=["post"], url_path="confirm-consent")
    def confirm_consent(self, request: Request, pk: str | None = None) -> Response:
        """The person confirmed their consent to use what the referrer told us."""
        incoming = self.get_object()
        form = ConfirmSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        incoming = run_service(
            services.confirm_consent,
            actor=request_member(request),
            incoming=incoming,
            **form.validated_data,
        )
        return Response(IncomingSerializer(incoming, context={"request": request}).data)


class ProvisionSerializer(serializers.ModelSerializer[ProvisionRecord]):
    items = serializers.ListField(child=serializers.CharField(), read_only=True)
    ground = serializers.CharField(source="basis_label", read_only=True)
    whose_data = serializers.CharField(source="person.display_name", read_only=True)

    class Meta:
        model = ProvisionRecord
        fields = [
            "id",
            "provided_on",
            "recipient",
            "agency",
            "case",
            "person",
            "whose_data",
            "items",
            "basis",
            "ground",
            "consent",
            "council",
            "emergency_reason",
            "referral",
        ]
        read_only_fields = fields


class ProvisionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[ProvisionRecord]
):
    """Provision records (supervisors): every provision of personal data to a third party."""

    model = ProvisionRecord
    table = tables.PROVISIONS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = ProvisionSerializer
    filterset_class = ProvisionFilterSet

    def get_queryset(self) -> QuerySet[ProvisionRecord]:
        return super().get_queryset().select_related("person", "consent", "council")


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("referrals", ReferralViewSet, basename="referral")
    router.register("referrals-received", IncomingViewSet, basename="incomingreferral")
    router.register("provision-records", ProvisionViewSet, basename="provisionrecord")
