"""The API's scoped base: the same ``for_member`` door as the pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from yorisoi.core import recorder
from yorisoi.core.concurrency import EditConflict
from yorisoi.core.roles import Action
from yorisoi.core.scoping import scoped
from yorisoi.core.views import member_rows, request_member

_M = TypeVar("_M", bound=models.Model)
_T = TypeVar("_T")

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

    def has_permission(self, request: Request, view: APIView) -> bool:
        # ``request.member`` is settled by the authentication classes (settings.REST_FRAMEWORK).
        return super().has_permission(request, view) and request_member(request) is not None


class ScopedPermission(HasMember):
    """The member's role allows the action the HTTP method asks for."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not super().has_permission(request, view):
            return False
        action = _METHOD_ACTIONS.get(request.method or "")
        if action is None:  # TRACE, QUERY, anything unknown: no action it could be allowed
            raise exceptions.MethodNotAllowed(request.method or "")
        if not isinstance(view, ScopedViewSet):
            raise ImproperlyConfigured(
                f"{type(view).__name__}: ScopedPermission is for ScopedViewSet"
            )
        model = scoped(view.queryset_model())
        return model.access_policy.allows(request_member(request), action)


class ScopedViewSet(viewsets.GenericViewSet[_M]):
    """Base of every viewset over tenant-owned data."""

    model: type[_M] | None = None
    permission_classes = [ScopedPermission]

    def queryset_model(self) -> type[_M]:
        if self.model is None:
            raise ImproperlyConfigured(f"{type(self).__name__} names no model")
        return self.model

    def get_queryset(self) -> models.QuerySet[_M]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no member
            return self.queryset_model()._default_manager.none()
        return member_rows(self.queryset_model(), request_member(self.request), Action.VIEW)

    def get_object(self) -> _M:
        obj = super().get_object()  # 404 outside the member's scope
        action = _METHOD_ACTIONS[self.request.method or ""]
        if (
            action != Action.VIEW
            and not member_rows(self.queryset_model(), request_member(self.request), action)
            .filter(pk=obj.pk)
            .exists()
        ):
            raise exceptions.PermissionDenied
        if self.request.method == "GET":
            recorder.record_view(obj)
        return obj

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        # Here and not in list(): a viewset lists through DRF's ListModelMixin (or its own
        # list()), and whichever list() runs, every answered list read is logged.
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) == "list" and 200 <= response.status_code < 300:
            data = getattr(response, "data", None)
            rows = data.get("results", []) if isinstance(data, dict) else data or []
            recorder.record_list(
                self.queryset_model(),
                count=len(rows),
                query=request.query_params,
                filterset=getattr(self, "filterset", None),
            )
        return response


@extend_schema_field(OpenApiTypes.INT)
class ScopedRelatedField(serializers.PrimaryKeyRelatedField[_M]):
    """A reference that accepts only records the caller's organization may reach."""

    def __init__(self, model: type[_M], **kwargs: Any) -> None:
        self.model = model
        super().__init__(**kwargs)

    def get_queryset(self) -> models.QuerySet[_M]:
        return member_rows(self.model, request_member(self.context.get("request")))


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = "The record was changed by someone else; reload it and try again."
    default_code = "conflict"


def run_service(function: Callable[..., _T], **kwargs: Any) -> _T:
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


def require_version(data: dict[str, Any]) -> int:
    """Edits through the API name the version they start from, as the pages do."""
    if "version" not in data:
        raise exceptions.ValidationError({"version": ["Send the version the change starts from."]})
    version: int = data.pop("version")  # validated by the serializer's IntegerField
    return version


if TYPE_CHECKING:
    _ViewBase = APIView  # the mixin goes before a ScopedViewSet
else:
    _ViewBase = object


class ServiceWritesMixin(_ViewBase):
    """Creates and updates go through services, as on the pages.

    ``create_service(actor=…, **data)``; ``update_service(actor=…, <update_arg>=instance,
    expected_version=…, **data)``. Fields in ``fixed_on_update`` cannot change after creation.
    """

    create_service: Callable[..., models.Model] | None = None
    update_service: Callable[..., models.Model] | None = None
    update_arg = "instance"
    fixed_on_update: tuple[str, ...] = ()

    def perform_create(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = dict(serializer.validated_data)
        data.pop("version", None)
        serializer.instance = run_service(
            _service(self.create_service, "create_service"),
            actor=request_member(self.request),
            **self.create_data(data),
        )

    def create_data(self, data: dict[str, Any]) -> dict[str, Any]:
        return data

    def perform_update(self, serializer: serializers.BaseSerializer[Any]) -> None:
        data = dict(serializer.validated_data)
        version = require_version(data)
        for name in self.fixed_on_update:
            data.pop(name, None)
        serializer.instance = run_service(
            _service(self.update_service, "update_service"),
            actor=request_member(self.request),
            expected_version=version,
            **{self.update_arg: serializer.instance},
            **self.update_data(serializer.instance, data),
        )

    def update_data(self, instance: Any, data: dict[str, Any]) -> dict[str, Any]:
        # ``instance`` is the viewset's record, of whichever model it serves.
        return data


def _service(service: Callable[..., models.Model] | None, name: str) -> Callable[..., models.Model]:
    if service is None:
        raise ImproperlyConfigured(f"this viewset writes through no {name}")
    return service
