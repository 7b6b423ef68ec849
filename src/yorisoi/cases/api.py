"""REST API of people, households, cases, inquiries and intake sheets (scoped like the pages)."""

from functools import cache
from typing import Any

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.cases import closure, selectors, services, tables
from yorisoi.cases.choices import CloseReason
from yorisoi.cases.filtersets import CaseFilterSet
from yorisoi.cases.models import (
    Case,
    ClosureRequest,
    Household,
    HouseholdMember,
    Inquiry,
    Intake,
    Person,
)
from yorisoi.core import recorder, search
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend, ScopedFilterSet
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.organizations.models import Membership


class PersonSerializer(serializers.ModelSerializer[Person]):
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "name_kana",
            "nickname",
            "sex",
            "birth_date",
            "age_band",
            "municipality",
            "area",
            "address",
            "phone",
            "email",
            "version",
        ]
        read_only_fields = ["id"]


class HouseholdMemberSerializer(serializers.ModelSerializer[HouseholdMember]):
    household = ScopedRelatedField(Household)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = HouseholdMember
        fields = [
            "id",
            "household",
            "name",
            "name_kana",
            "relation",
            "lives_with_person",
            "age_band",
            "health_or_care_needs",
            "is_key_person",
            "phone",
            "is_emergency_contact",
            "note",
            "version",
        ]
        read_only_fields = ["id"]


class HouseholdSerializer(serializers.ModelSerializer[Household]):
    members = HouseholdMemberSerializer(many=True, read_only=True)

    class Meta:
        model = Household
        fields = ["id", "note", "members"]


class CaseSerializer(serializers.ModelSerializer[Case]):
    person = ScopedRelatedField(Person, required=False)
    person_data = PersonSerializer(write_only=True, required=False)
    household = ScopedRelatedField(Household, required=False, allow_null=True)
    first_consulter_member = ScopedRelatedField(HouseholdMember, required=False, allow_null=True)
    primary_staff = ScopedRelatedField(Membership, required=False, allow_null=True)
    secondary_staff = ScopedRelatedField(Membership, required=False, allow_null=True)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "person",
            "person_data",
            "household",
            "first_consulter",
            "first_consulter_member",
            "first_channel",
            "referral_route",
            "referral_source",
            "referral_agency",
            "status",
            "stage",
            "person_contact",
            "primary_staff",
            "secondary_staff",
            "opened_on",
            "closed_on",
            "close_reason",
            "summary",
            "what_helps",
            "what_to_avoid",
            "age_band_at_opening",
            "version",
        ]
        read_only_fields = ["id", "age_band_at_opening", "referral_agency"]
        extra_kwargs = {"number": {"required": False}}


class CaseCloseSerializer(serializers.Serializer[None]):  # input only
    version = serializers.IntegerField()
    closed_on = serializers.DateField()
    close_reason = serializers.ChoiceField(choices=CloseReason.choices)
    note = serializers.CharField(required=False, default="", allow_blank=True)
    follow_up_weeks = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=104
    )
    follow_up_agreed_by = serializers.ChoiceField(
        choices=["person", "family"], required=False, allow_blank=True
    )
    follow_up_note = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=300
    )


class ClosureRequestSerializer(serializers.ModelSerializer[ClosureRequest]):
    class Meta:
        model = ClosureRequest
        fields = [
            "id",
            "case",
            "closed_on",
            "close_reason",
            "details",
            "status",
            "requested_by",
            "decided_by",
            "comment",
        ]
        read_only_fields = fields


class DecisionSerializer(serializers.Serializer[None]):  # input only
    approve = serializers.BooleanField()
    comment = serializers.CharField(required=False, default="", allow_blank=True, max_length=500)


@cache
def case_api_filterset() -> type[CaseFilterSet]:
    """The case list's filters, and a person's or household's cases (by id).

    Made on first use, from the page's filters as they stand then: other apps add theirs
    to ``CaseFilterSet`` at start-up (words in contact notes).
    """

    class CaseApiFilterSet(CaseFilterSet):
        person = django_filters.ModelChoiceFilter(queryset=Person.objects.all())
        household = django_filters.ModelChoiceFilter(queryset=Household.objects.all())

        class Meta(CaseFilterSet.Meta):
            fields = [*CaseFilterSet.Meta.fields, "person", "household"]

    own = {name: CaseApiFilterSet.base_filters[name] for name in ("person", "household")}
    CaseApiFilterSet.base_filters = {**CaseFilterSet.base_filters, **own}
    return CaseApiFilterSet


class ByCaseFilterSet(ScopedFilterSet):
    """People and households by a case of theirs (``?case=``)."""

    case = django_filters.ModelChoiceFilter(field_name="cases", queryset=Case.objects.all())


class PersonFilterSet(ByCaseFilterSet):
    class Meta:
        model = Person
        fields = ["case"]


class HouseholdFilterSet(ByCaseFilterSet):
    class Meta:
        model = Household
        fields = ["case"]


class HouseholdMemberFilterSet(ScopedFilterSet):
    case = django_filters.ModelChoiceFilter(
        field_name="household__cases", queryset=Case.objects.all()
    )

    class Meta:
        model = HouseholdMember
        fields = ["household", "case", "is_key_person"]


class CaseViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Case],
):
    """Cases. Create opens one (for a known person, or a new one from ``person_data``)."""

    model = Case
    table = tables.CASES
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = CaseSerializer
    filterset_class = property(lambda self: case_api_filterset())
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Case]:
        return super().get_queryset().order_by("-opened_on", "-pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with search.search_transaction():
            return super().list(request, *args, **kwargs)

    create_service = staticmethod(services.open_case)
    update_service = staticmethod(services.change_case)
    update_arg = "case"
    fixed_on_update = ("person", "person_data", "household", "number")

    def update_data(self, instance: Case, data: dict[str, Any]) -> dict[str, Any]:
        new = data.get("primary_staff", instance.primary_staff)
        if instance.primary_staff_id and new != instance.primary_staff:
            raise exceptions.ValidationError(
                {"primary_staff": ["Change the primary worker through /api/handovers/."]}
            )
        return data

    @extend_schema(request=CaseCloseSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        """Close the case (or ask for approval where the organization requires it)."""
        case = self.get_object()
        form = CaseCloseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = dict(form.validated_data)
        result = run_service(
            closure.close_or_request,
            actor=request_member(request),
            case=case,
            expected_version=data.pop("version"),
            **data,
        )
        if isinstance(result, ClosureRequest):
            return Response(ClosureRequestSerializer(result).data, status=202)
        return Response(CaseSerializer(result, context={"request": request}).data)

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("person_data"):
            data["person_data"] = {k: v for k, v in data["person_data"].items() if k != "version"}
        return data


class ClosureRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[ClosureRequest]
):
    """Requests to close a case, where the organization asks for a supervisor's approval."""

    model = ClosureRequest
    serializer_class = ClosureRequestSerializer
    filterset_fields = ["case", "status"]

    @extend_schema(request=DecisionSerializer, responses=ClosureRequestSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """A supervisor approves (the case closes) or returns it with a comment."""
        closure_request = self.get_object()
        form = DecisionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        decided = run_service(
            closure.decide_closure,
            actor=request_member(request),
            request=closure_request,
            **form.validated_data,
        )
        return Response(ClosureRequestSerializer(decided).data)


class PersonViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Person],
):
    """People supported. They are created by opening a case."""

    model = Person
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    http_method_names = ["get", "patch", "head", "options"]
    update_service = staticmethod(services.change_person)
    update_arg = "person"


class HouseholdViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet[Household]):
    model = Household
    serializer_class = HouseholdSerializer
    filterset_class = HouseholdFilterSet

    def get_queryset(self) -> QuerySet[Household]:
        return super().get_queryset().prefetch_related("members")


class HouseholdMemberViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[HouseholdMember],
):
    """Household members, with their relation to the person and the key person."""

    model = HouseholdMember
    serializer_class = HouseholdMemberSerializer
    filterset_class = HouseholdMemberFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]
    create_service = staticmethod(services.add_household_member)
    update_service = staticmethod(services.change_household_member)
    update_arg = "member"
    fixed_on_update = ("household",)


class InquirySerializer(serializers.ModelSerializer[Inquiry]):
    class Meta:
        model = Inquiry
        exclude = ["organization", "created_at", "updated_at", "version"]
        read_only_fields = ["status", "case", "received_by", "closing_note"]


class ConvertSerializer(serializers.Serializer[None]):  # input only
    opened_on = serializers.DateField()
    person = ScopedRelatedField(
        Person,
        required=False,
        allow_null=True,
        help_text="An existing person (see matches), or empty for a new one.",
    )
    primary_staff = ScopedRelatedField(Membership, required=False, allow_null=True)


class CloseSerializer(serializers.Serializer[None]):  # input only
    note = serializers.CharField(max_length=500)


class InquiryViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[Inquiry],
):
    """The intake queue: record an inquiry, see matching people, open a case or close it."""

    model = Inquiry
    table = tables.INQUIRIES
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = InquirySerializer
    filterset_fields = ["status", "case"]

    def perform_create(self, serializer: serializers.BaseSerializer[Inquiry]) -> None:
        serializer.instance = run_service(
            services.record_inquiry, actor=request_member(self.request), **serializer.validated_data
        )

    @extend_schema(responses=PersonSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def matches(self, request: Request, pk: str | None = None) -> Response:
        """People already known who may be the person the inquiry is about."""
        inquiry = self.get_object()
        people = list(
            selectors.matching_people(
                request_member(request),
                name=inquiry.person_name,
                name_kana=inquiry.person_name_kana,
                birth_date=inquiry.person_birth_date,
            )
        )
        recorder.record_list(Person, count=len(people), values={"inquiry": inquiry.pk})
        return Response(PersonSerializer(people, many=True).data)

    @extend_schema(request=ConvertSerializer, responses=CaseSerializer)
    @action(detail=True, methods=["post"])
    def convert(self, request: Request, pk: str | None = None) -> Response:
        """Open a case from the inquiry."""
        inquiry = self.get_object()
        form = ConvertSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        case = run_service(
            services.convert_inquiry,
            actor=request_member(request),
            inquiry=inquiry,
            **form.validated_data,
        )
        return Response(CaseSerializer(case, context={"request": request}).data, status=201)

    @extend_schema(request=CloseSerializer, responses=InquirySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        """Take the inquiry off the queue without a case."""
        inquiry = self.get_object()
        form = CloseSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        inquiry = run_service(
            services.close_inquiry,
            actor=request_member(request),
            inquiry=inquiry,
            **form.validated_data,
        )
        return Response(InquirySerializer(inquiry).data)


class IntakeSerializer(serializers.ModelSerializer[Intake]):
    case = ScopedRelatedField(Case)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = Intake
        exclude = ["organization", "created_at", "updated_at", "taken_by"]


class IntakeViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Intake],
):
    """Intake sheets, one per case."""

    model = Intake
    serializer_class = IntakeSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    filterset_fields = ["case"]
    create_service = staticmethod(services.save_intake)
    update_service = staticmethod(services.save_intake)
    update_arg = "case"
    fixed_on_update = ("case",)

    # The serializer's instance is the sheet, then its case.
    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        sheet = serializer.instance
        assert sheet is not None  # an update has the sheet it changes
        serializer.instance = sheet.case  # save_intake is keyed by the case
        super().perform_update(serializer)  # … and returns the sheet
