"""Filters that choose related records only within the member's scope.

A filter like ``?case=12`` must answer the same for another organization's case as for one
that does not exist; so every filter over a tenant-owned model offers only what
``for_member`` allows.
"""

from typing import TYPE_CHECKING, Any, TypeVar

import django_filters
from django import forms
from django.db import models
from django.http import HttpRequest
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.rest_framework import FilterSet as RestFilterSet
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from yorisoi.core.views import request_member

_M = TypeVar("_M", bound=models.Model)

if TYPE_CHECKING:
    from django_filters import FilterSet as _FilterSet  # the mixin goes before a FilterSet
else:
    _FilterSet = object


class ScopedFilterMixin(_FilterSet):
    def __init__(
        self, *args: Any, request: HttpRequest | Request | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, request=request, **kwargs)
        member = request_member(request)
        for filter_ in self.filters.values():
            if isinstance(
                filter_, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
            ):
                model = filter_.queryset.model if hasattr(filter_.queryset, "model") else None
                if model is not None and hasattr(model.objects, "for_member"):
                    filter_.queryset = model.objects.for_member(member)


class ScopedFilterSet(ScopedFilterMixin, RestFilterSet):
    """Base of every filterset over tenant-owned data."""


class ScopedFilterBackend(DjangoFilterBackend):
    """DRF filtering whose generated filtersets are scoped too, refusing unknown parameters.

    ``?household=31`` on an endpoint without that filter must not quietly answer with every
    row: a client would take the whole list for the filtered one. Every query parameter
    must be a filter of the endpoint or one of pagination, ordering, search or format.
    The filterset is left on the view for the audit log (which filters were used).
    """

    filterset_base = ScopedFilterSet

    def filter_queryset(
        self, request: Request, queryset: models.QuerySet[_M], view: APIView
    ) -> models.QuerySet[_M]:
        filterset = self.get_filterset(request, queryset, view)
        unknown = sorted(set(request.query_params) - known_parameters(view, filterset))
        if unknown:
            known = ", ".join(sorted(known_parameters(view, filterset))) or "—"
            raise exceptions.ValidationError(
                {name: [f"Unknown query parameter. Known here: {known}."] for name in unknown}
            )
        # For the audit log (ScopedViewSet.finalize_response); APIView declares no such attribute.
        setattr(view, "filterset", filterset)  # noqa: B010
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        filtered: models.QuerySet[_M] = filterset.qs
        return filtered


def known_parameters(view: APIView, filterset: django_filters.FilterSet | None) -> set[str]:
    """The query parameters an endpoint understands: its filters' and its helpers'."""
    names = {api_settings.URL_FORMAT_OVERRIDE} - {None}
    if filterset is not None:
        for name, field in filterset.form.fields.items():
            names |= _parameter_names(name, field.widget)
    helpers = [getattr(view, "paginator", None)]
    helpers += [backend() for backend in getattr(view, "filter_backends", ())]
    for helper in filter(None, helpers):
        for attribute in dir(type(helper)):
            if attribute.endswith("_query_param") or attribute.endswith("_param"):
                value = getattr(helper, attribute, None)
                if isinstance(value, str) and value:
                    names.add(value)
    return names


def _parameter_names(name: str, widget: forms.Widget) -> set[str]:
    suffixes = getattr(widget, "suffixes", None)  # django-filter's range widgets: name_after …
    if suffixes is not None:
        return {f"{name}_{suffix}" if suffix else name for suffix in suffixes}
    if isinstance(widget, forms.MultiWidget):
        # MultiWidget.widgets_names (Django 3.1+) is missing from the stubs.
        parts = widget.widgets_names  # type: ignore[attr-defined]
        return {name, *(f"{name}{part}" for part in parts)}
    return {name}
