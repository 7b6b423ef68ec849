"""REST API of contact records: scoped, searchable, edits keep versions and refuse stale ones."""

from typing import Any

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.contacts import safety, services, tables
from yorisoi.contacts.models import ContactRecord, ContactRecordVersion
from yorisoi.core import search
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin
from yorisoi.core.filters import ScopedFilterBackend, ScopedFilterSet
from yorisoi.core.tables import TableOrdering
from yorisoi.organizations.models import Membership


class ContactRecordSerializer(serializers.ModelSerializer[ContactRecord]):
    case = ScopedRelatedField(Case)
    staff = ScopedRelatedField(Membership, many=True)
    with_members = ScopedRelatedField(HouseholdMember, many=True, required=False)
    version = serializers.IntegerField(required=False)

    class Meta:
        model = ContactRecord
        fields = [
            "id",
            "case",
            "occurred_at",
            "duration_minutes",
            "channel",
            "with_person",
            "with_members",
            "with_agencies",
            "staff",
            "lone_visit_reason",
            "visit_known_by",
            "reached",
            "outcome",
            "summary",
            "next_action",
            "next_action_on",
            "recorded_by",
            "updated_by",
            "version",
        ]
        read_only_fields = ["id", "recorded_by", "updated_by"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A new visit to a household with a safety notice says who else knows (as the form).
        if self.instance is None and attrs.get("case") is not None:
            occurred_at = attrs.get("occurred_at")
            try:
                safety.check_visit(
                    case=attrs["case"],
                    channel=attrs.get("channel", ""),
                    day=timezone.localtime(occurred_at).date() if occurred_at else None,
                    visit_known_by=attrs.get("visit_known_by", ""),
                )
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.message_dict) from error
        return attrs


class ContactRecordVersionSerializer(serializers.ModelSerializer[ContactRecordVersion]):
    number = serializers.IntegerField(read_only=True)  # no backend-dependent maximum in the schema

    class Meta:
        model = ContactRecordVersion
        fields = ["number", "data", "saved_by", "saved_at"]


class ContactRecordFilterSet(ScopedFilterSet):
    q = django_filters.CharFilter(label="Words in the notes", method="by_words")
    occurred_after = django_filters.DateFilter(field_name="occurred_at", lookup_expr="date__gte")
    occurred_before = django_filters.DateFilter(field_name="occurred_at", lookup_expr="date__lte")
    staff = django_filters.ModelChoiceFilter(queryset=Membership.objects.all(), label="Staff")

    class Meta:
        model = ContactRecord
        fields = ["case", "channel", "outcome", "staff", "q", "occurred_after", "occurred_before"]

    def by_words(
        self, queryset: QuerySet[ContactRecord], name: str, value: str
    ) -> QuerySet[ContactRecord]:
        return search.matching(queryset, value)


class ContactRecordViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[ContactRecord],
):
    """Contact records (支援記録票). ``q`` finds notes containing every word."""

    model = ContactRecord
    table = tables.CASE_CONTACTS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = ContactRecordSerializer
    filterset_class = ContactRecordFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[ContactRecord]:
        return (
            super()
            .get_queryset()
            .prefetch_related("staff", "with_members")
            .order_by("-occurred_at", "-pk")
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with search.search_transaction():
            return super().list(request, *args, **kwargs)

    create_service = staticmethod(services.record_contact)
    update_service = staticmethod(services.edit_contact)
    update_arg = "contact"
    fixed_on_update = ("case",)

    def update_data(self, contact: ContactRecord, data: dict[str, Any]) -> dict[str, Any]:
        # A partial update keeps the people of the record unless it names them anew.
        data.setdefault("staff", list(contact.staff.all()))
        data.setdefault("with_members", list(contact.with_members.all()))
        return data

    @extend_schema(responses=ContactRecordVersionSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def versions(self, request: Request, pk: str | None = None) -> Response:
        """The earlier versions of the record, newest first."""
        contact = self.get_object()
        return Response(ContactRecordVersionSerializer(contact.versions.all(), many=True).data)
