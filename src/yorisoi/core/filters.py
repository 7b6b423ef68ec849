"""Filters that choose related records only within the member's scope.

A filter like ``?case=12`` must answer the same for another organization's case as for one
that does not exist; so every filter over a tenant-owned model offers only what
``for_member`` allows.
"""

import django_filters
from django import forms
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.rest_framework import FilterSet as RestFilterSet
from rest_framework import exceptions
from rest_framework.settings import api_settings


class ScopedFilterMixin:
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        member = getattr(request, "member", None)
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

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        unknown = sorted(set(request.query_params) - known_parameters(view, filterset))
        if unknown:
            known = ", ".join(sorted(known_parameters(view, filterset))) or "—"
            raise exceptions.ValidationError(
                {name: [f"Unknown query parameter. Known here: {known}."] for name in unknown}
            )
        view.filterset = filterset
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        return filterset.qs


def known_parameters(view, filterset) -> set[str]:
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


def _parameter_names(name: str, widget) -> set[str]:
    suffixes = getattr(widget, "suffixes", None)  # django-filter's range widgets: name_after …
    if suffixes is not None:
        return {f"{name}_{suffix}" if suffix else name for suffix in suffixes}
    if isinstance(widget, forms.MultiWidget):
        return {name, *(f"{name}{suffix}" for suffix in widget.widgets_names)}
    return {name}
