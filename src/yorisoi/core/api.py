"""The API's scoped base: the same ``for_member`` door as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, permissions, serializers, viewsets

from yorisoi.core import recorder
from yorisoi.core.concurrency import EditConflict
from yorisoi.core.roles import Action

_METHOD_ACTIONS = {
    "GET": Action.VIEW,
    "HEAD": Action.VIEW,
    "OPTIONS": Action.VIEW,
    "POST": Action.ADD,
    "PUT": Action.CHANGE,
    "PATCH": Action.CHANGE,
    "DELETE": Action.DELETE,
}


class HasMember(permissions.IsAuthenticated):
    """Authenticated and acting through an active membership."""

    def has_permission(self, request, view):
        # ``request.member`` is settled by the authentication classes (settings.REST_FRAMEWORK).
        return (
            super().has_permission(request, view) and getattr(request, "member", None) is not None
        )


class ScopedPermission(HasMember):
    """The member's role allows the action the HTTP method asks for."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        action = _METHOD_ACTIONS.get(request.method)
        if action is None:  # TRACE, QUERY, anything unknown: no action it could be allowed
            raise exceptions.MethodNotAllowed(request.method)
        return view.queryset_model().access_policy.allows(request.member, action)


class ScopedViewSet(viewsets.GenericViewSet):
    """Base of every viewset over tenant-owned data."""

    model = None
    permission_classes = [ScopedPermission]

    def queryset_model(self):
        return self.model

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no member
            return self.model.objects.none()
        return self.model.objects.for_member(self.request.member, Action.VIEW)

    def get_object(self):
        obj = super().get_object()  # 404 outside the member's scope
        action = _METHOD_ACTIONS[self.request.method]
        if (
            action != Action.VIEW
            and not self.model.objects.for_member(self.request.member, action)
            .filter(pk=obj.pk)
            .exists()
        ):
            raise exceptions.PermissionDenied
        if self.request.method == "GET":
            recorder.record_view(obj)
        return obj

    def finalize_response(self, request, response, *args, **kwargs):
        # Here and not in list(): a viewset lists through DRF's ListModelMixin (or its own
        # list()), and whichever list() runs, every answered list read is logged.
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) == "list" and 200 <= response.status_code < 300:
            data = getattr(response, "data", None)
            rows = data.get("results", []) if isinstance(data, dict) else data or []
            recorder.record_list(
                self.model,
                count=len(rows),
                query=request.query_params,
                filterset=getattr(self, "filterset", None),
            )
        return response


@extend_schema_field(OpenApiTypes.INT)
class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A reference that accepts only records the caller's organization may reach."""

    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.model.objects.for_member(getattr(request, "member", None))


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "The record was changed by someone else; reload it and try again."
    default_code = "conflict"


def run_service(function, **kwargs):
    """Call a service in a transaction; its errors become 400 (invalid) or 409 (stale version)."""
    try:
        with transaction.atomic():
            return function(**kwargs)
    except EditConflict as conflict:
        raise Conflict(str(conflict)) from conflict
    except DjangoValidationError as error:
        detail = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {"non_field_errors": error.messages}
        )
        raise exceptions.ValidationError(detail) from error


def require_version(data: dict) -> int:
    """Edits through the API name the version they start from, as the pages do."""
    if "version" not in data:
        raise exceptions.ValidationError({"version": ["Send the version the change starts from."]})
    return data.pop("version")


class ServiceWritesMixin:
    """Creates and updates go through services, as on the pages.

    ``create_service(actor=…, **data)``; ``update_service(actor=…, <update_arg>=instance,
    expected_version=…, **data)``. Fields in ``fixed_on_update`` cannot change after creation.
    """

    create_service = None
    update_service = None
    update_arg = "instance"
    fixed_on_update: tuple[str, ...] = ()

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = run_service(
            self.create_service, actor=self.request.member, **self.create_data(data)
        )

    def create_data(self, data: dict) -> dict:
        return data

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        version = require_version(data)
        for name in self.fixed_on_update:
            data.pop(name, None)
        serializer.instance = run_service(
            self.update_service,
            actor=self.request.member,
            expected_version=version,
            **{self.update_arg: serializer.instance},
            **self.update_data(serializer.instance, data),
        )

    def update_data(self, instance, data: dict) -> dict:
        return data
