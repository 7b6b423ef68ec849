"""Filters that choose related records only within the member's scope.

A filter like ``?case=12`` must answer the same for another organization's case as for one
that does not exist; so every filter over a tenant-owned model offers only what
``for_member`` allows.
"""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.rest_framework import FilterSet as RestFilterSet


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
    """DRF filtering whose generated filtersets are scoped too."""

    filterset_base = ScopedFilterSet
