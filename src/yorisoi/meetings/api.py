import django_filters
from django.db.models import QuerySet
from rest_framework import mixins, routers, serializers

from yorisoi.cases.models import Case
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin
from yorisoi.core.filters import ScopedFilterBackend, ScopedFilterSet
from yorisoi.core.tables import TableOrdering
from yorisoi.meetings import services, tables
from yorisoi.meetings.models import Attendee, CaseMeeting, MeetingAction
from yorisoi.organizations.models import Membership


class AttendeeSerializer(serializers.ModelSerializer[Attendee]):
    class Meta:
        model = Attendee
        fields = ["staff", "name", "agency"]


class ActionSerializer(serializers.ModelSerializer[MeetingAction]):
    owner = ScopedRelatedField(Membership, required=False, allow_null=True)

    class Meta:
        model = MeetingAction
        fields = ["id", "what", "owner", "owner_name", "due_on", "done_on"]
        read_only_fields = ["id", "done_on"]


class OtherAttendeeSerializer(serializers.Serializer[None]):  # input only
    name = serializers.CharField(max_length=100)
    agency = serializers.CharField(max_length=200, required=False, default="")


class CaseMeetingSerializer(serializers.ModelSerializer[CaseMeeting]):
    case = ScopedRelatedField(Case)
    staff = ScopedRelatedField(Membership, many=True, write_only=True, required=False)
    others = OtherAttendeeSerializer(many=True, write_only=True, required=False)
    attendees = AttendeeSerializer(many=True, read_only=True)
    actions = ActionSerializer(many=True, required=False)

    class Meta:
        model = CaseMeeting
        fields = [
            "id",
            "case",
            "held_on",
            "kind",
            "difficult_case_review",
            "matters",
            "support_policy",
            "policy_note",
            "staff",
            "others",
            "attendees",
            "actions",
        ]
        read_only_fields = ["id"]


class CaseMeetingFilterSet(ScopedFilterSet):
    staff = django_filters.ModelChoiceFilter(
        field_name="attendees__staff", queryset=Membership.objects.all(), distinct=True
    )

    class Meta:
        model = CaseMeeting
        fields = ["case", "kind", "staff"]


class CaseMeetingViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[CaseMeeting],
):
    """Case meetings with their attendees and the actions decided."""

    model = CaseMeeting
    table = tables.MEETINGS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = CaseMeetingSerializer
    filterset_class = CaseMeetingFilterSet
    create_service = staticmethod(services.hold_meeting)

    def get_queryset(self) -> QuerySet[CaseMeeting]:
        return super().get_queryset().prefetch_related("attendees", "actions")


def register(router: routers.BaseRouter) -> None:
    """Add this app's viewsets to the API router."""
    router.register("meetings", CaseMeetingViewSet, basename="casemeeting")
