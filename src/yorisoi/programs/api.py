"""Programs, their sessions and attendance over the REST API, through the same services."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from rest_framework import mixins, routers, serializers

from yorisoi.agencies.models import Agency
from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.organizations.models import Membership
from yorisoi.programs import selectors, services, tables
from yorisoi.programs.filtersets import AttendanceFilterSet, ProgramFilterSet, SessionFilterSet
from yorisoi.programs.models import Attendance, Program, ProgramSession


class ProgramSerializer(serializers.ModelSerializer[Program]):
    version = serializers.IntegerField(required=False)
    co_organizers = ScopedRelatedField(Agency, many=True, required=False)
    team = ScopedRelatedField(Membership, many=True, required=False)
    next_on = serializers.DateField(read_only=True)

    class Meta:
        model = Program
        fields = [
            "id",
            *services.PROGRAM_FIELDS,
            "co_organizers",
            "team",
            "archived_on",
            "next_on",
            "version",
        ]
        read_only_fields = ["id", "archived_on", "next_on"]


class ProgramViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Program],
):
    """The organization's programs (a supporter: those they help run)."""

    model = Program
    table = tables.PROGRAMS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = ProgramSerializer
    filterset_class = ProgramFilterSet
    create_service = staticmethod(services.add_program)
    update_service = staticmethod(services.change_program)
    update_arg = "program"

    def get_queryset(self) -> QuerySet[Program]:
        member = request_member(self.request)
        return (
            selectors.programs_for(member, archived=True)
            .prefetch_related("co_organizers", "team")
            .order_by("kind", "name")
        )


class SessionSerializer(serializers.ModelSerializer[ProgramSession]):
    version = serializers.IntegerField(required=False)
    program = ScopedRelatedField(Program)
    on_duty = ScopedRelatedField(Membership, many=True, required=False)
    named = serializers.IntegerField(read_only=True)
    reason = serializers.CharField(
        write_only=True, required=False, help_text="Why the session moves (when ``on`` changes)."
    )

    class Meta:
        model = ProgramSession
        fields = [
            "id",
            "program",
            "schedule",
            "on",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "status",
            "change_reason",
            "moved_from",
            "on_duty",
            "notes",
            "count_person",
            "count_family",
            "count_other",
            "named",
            "reason",
            "version",
        ]
        read_only_fields = ["id", "schedule", "status", "change_reason", "moved_from", "named"]


class SessionViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[ProgramSession],
):
    """Sessions with how many named or nicknamed people came (``?program=``, ``?on_from=``)."""

    model = ProgramSession
    table = tables.SESSIONS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    filterset_class = SessionFilterSet
    serializer_class = SessionSerializer
    create_service = staticmethod(services.add_session)
    update_service = staticmethod(services.change_session)
    update_arg = "session"
    fixed_on_update = ("program",)

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        data.pop("reason", None)  # a new session has not moved
        return data

    def get_queryset(self) -> QuerySet[ProgramSession]:
        sessions = (
            super()
            .get_queryset()
            .select_related("program")
            .prefetch_related("on_duty")
            .annotate(named=Count("attendances"))
            .order_by("-on", "-starts_at")
        )
        return sessions


class AttendanceSerializer(serializers.ModelSerializer[Attendance]):
    session = ScopedRelatedField(ProgramSession)
    nickname = serializers.CharField(
        source="participant.nickname", required=False, allow_blank=False
    )

    class Meta:
        model = Attendance
        fields = [
            "id",
            "session",
            "nickname",
            "case",
            "household_member",
            "mode",
            "first_visit",
            "on",
        ]
        read_only_fields = ["id", "case", "household_member", "first_visit", "on"]


class AttendanceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet[Attendance],
):
    """Who came: add a nickname (a newcomer joins the program's list), list, remove.
    Linking a case's person is done on the session page, where the consent is checked."""

    model = Attendance
    serializer_class = AttendanceSerializer
    filter_backends = [ScopedFilterBackend]
    filterset_class = AttendanceFilterSet

    def get_queryset(self) -> QuerySet[Attendance]:
        return super().get_queryset().select_related("participant").order_by("on", "pk")

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = serializer.validated_data
        nickname = data.get("participant", {}).get("nickname", "")
        if not nickname:
            raise serializers.ValidationError({"nickname": "required"})
        session = data["session"]
        added = run_service(
            services.record_nicknames,
            actor=request_member(self.request),
            session=session,
            new=[{"nickname": nickname, "mode": data.get("mode", "")}],
        )
        serializer.instance = (
            added[0] if added else session.attendances.get(participant__nickname=nickname)
        )

    def perform_destroy(self, instance: Attendance) -> None:
        run_service(
            services.remove_attendance, actor=request_member(self.request), attendance=instance
        )


def register(router: routers.BaseRouter) -> None:
    router.register("programs", ProgramViewSet, basename="program")
    router.register("program-sessions", SessionViewSet, basename="programsession")
    router.register("attendance", AttendanceViewSet, basename="attendance")
