from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from yorisoi.cases.models import Case
from yorisoi.core.views import MemberRequiredMixin, request_member


class CaseChildMixin(MemberRequiredMixin):
    """A page about one case (the ``pk`` in the URL): a case outside the member's scope is a 404."""

    model: type[Case] | None = Case  # the record the URL names, for the route tests
    # Set by the view this mixin is combined with.
    request: HttpRequest
    kwargs: dict[str, Any]

    @cached_property
    def case(self) -> Case:
        queryset = Case.objects.for_member(request_member(self.request)).select_related(
            "person", "household", "primary_staff__user", "secondary_staff__user"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.case, **kwargs)
