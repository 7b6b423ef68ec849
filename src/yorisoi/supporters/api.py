"""The supporter registry, training courses and activities over the REST API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import mixins, routers, serializers

from yorisoi.core.api import ScopedRelatedField, ScopedViewSet, ServiceWritesMixin, run_service
from yorisoi.core.filters import ScopedFilterBackend
from yorisoi.core.tables import TableOrdering
from yorisoi.core.views import request_member
from yorisoi.organizations.models import Membership
from yorisoi.programs.models import Program
from yorisoi.supporters import selectors, services, tables
from yorisoi.supporters.models import CaseSupporter, Supporter, SupporterActivity, TrainingCourse


class SupporterSerializer(serializers.ModelSerializer[Supporter]):
    version = serializers.IntegerField(required=False)
    membership = ScopedRelatedField(Membership, required=False, allow_null=True)
    trained = serializers.IntegerField(read_only=True)

    class Meta:
        model = Supporter
        fields = ["id", *services.SUPPORTER_FIELDS, "trained", "version"]
        read_only_fields = ["id", "trained"]


class SupporterViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[Supporter],
):
    """The supporter registry (a supporter's login: its own entry)."""

    model = Supporter
    table = tables.SUPPORTERS
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = SupporterSerializer
    create_service = staticmethod(services.register_supporter)
    update_service = staticmethod(services.change_supporter)
    update_arg = "supporter"

    def get_queryset(self) -> QuerySet[Supporter]:
        return selectors.supporters_for(request_member(self.request)).order_by("name_kana", "pk")


class CourseSerializer(serializers.ModelSerializer[TrainingCourse]):
    version = serializers.IntegerField(required=False)
    program = ScopedRelatedField(Program, required=False, allow_null=True)
    completed = serializers.IntegerField(read_only=True)

    class Meta:
        model = TrainingCourse
        fields = ["id", *services.COURSE_FIELDS, "completed", "version"]
        read_only_fields = ["id", "completed"]


class CourseViewSet(
    ServiceWritesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet[TrainingCourse],
):
    """Supporter training courses and follow-up trainings."""

    model = TrainingCourse
    table = tables.COURSES
    filter_backends = [ScopedFilterBackend, TableOrdering]
    serializer_class = CourseSerializer
    create_service = staticmethod(services.add_course)
    update_service = staticmethod(services.change_course)
    update_arg = "course"

    def get_queryset(self) -> QuerySet[TrainingCourse]:
        return selectors.courses_for(request_member(self.request)).order_by("-held_from", "pk")


class ActivitySerializer(serializers.ModelSerializer[SupporterActivity]):
    supporter = ScopedRelatedField(Supporter)
    program = ScopedRelatedField(Program, required=False, allow_null=True)
    case_link = ScopedRelatedField(CaseSupporter, required=False, allow_null=True)

    class Meta:
        model = SupporterActivity
        fields = ["id", "supporter", "on", "hours", "kind", "program", "case_link", "note"]
        read_only_fields = ["id"]


class ActivityViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet[SupporterActivity],
):
    """What supporters did, and for how long (a supporter's login: its own)."""

    model = SupporterActivity
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[SupporterActivity]:
        return super().get_queryset().order_by("-on", "-pk")

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = run_service(
            services.record_activity, actor=request_member(self.request), **data
        )


def register(router: routers.BaseRouter) -> None:
    router.register("supporters", SupporterViewSet, basename="supporter")
    router.register("training-courses", CourseViewSet, basename="trainingcourse")
    router.register("supporter-activities", ActivityViewSet, basename="supporteractivity")
