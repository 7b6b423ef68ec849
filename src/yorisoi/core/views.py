"""Generic scoped views: every page that shows tenant-owned data is built on these."""

import copy

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.views import generic

from yorisoi.core import recorder
from yorisoi.core.concurrency import EditConflict
from yorisoi.core.roles import Action
from yorisoi.core.scoping import may


class MemberRequiredMixin(LoginRequiredMixin):
    """Signed in and acting through an active membership of some organization."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request.member is None:
            return render(request, "core/no_membership.html", status=403)
        return super().dispatch(request, *args, **kwargs)


class ScopedMixin(MemberRequiredMixin):
    """Reads go through ``for_member``: a record outside the member's scope is a 404.

    ``action`` is what the view does. For a view of one record the record must first be
    visible (else 404, exactly like a record that does not exist); then the action must be
    allowed (else 403).
    """

    model = None
    action = Action.VIEW

    def get_queryset(self):
        return self.model.objects.for_member(self.request.member, Action.VIEW)

    @classmethod
    def allows(cls, member) -> bool:
        """May this member open the view at all? Links to it ask the same (navigation.may_open)."""
        return cls.model is None or may(member, cls.model, cls.action)

    def check_action(self):
        if not self.allows(self.request.member):
            raise PermissionDenied

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if self.action != Action.VIEW:
            self.check_action()
            if (
                not self.model.objects.for_member(self.request.member, self.action)
                .filter(pk=obj.pk)
                .exists()
            ):
                raise PermissionDenied
        if self.request.method == "GET":
            recorder.record_view(obj)
        return obj


class ScopedListView(ScopedMixin, generic.ListView):
    """A filtered, paginated list of the member's records; showing personal data is logged."""

    filterset_class = None
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.member is not None:
            self.check_action()
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.filterset_class is not None:
            self.filterset = self.filterset_class(
                self.request.GET or None, queryset=queryset, request=self.request
            )
            queryset = self.filterset.qs
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = getattr(self, "filterset", None)
        page = context.get("page_obj")
        rows = len(page.object_list) if page is not None else len(context["object_list"])
        recorder.record_list(
            self.model, count=rows, query=self.request.GET, filterset=context["filterset"]
        )
        return context


class ScopedDetailView(ScopedMixin, generic.DetailView):
    """One record; its view is logged when it holds personal data."""


def add_service_errors(form, error: ValidationError) -> None:
    """Put each message on the field it names, or at the top when the form has no such field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class ServiceFormMixin:
    """Forms whose valid data is handed to a service; the view never saves models itself.

    Subclasses define ``perform(form)`` returning the created or changed record. An edit
    that lost a race is shown again with the conflict message and nothing saved; data the
    service refuses (ValidationError) is shown on the form, field by field.
    """

    success_message = ""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = self.perform(form)
        except EditConflict as conflict:
            form.add_error(None, conflict.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class ScopedCreateView(ScopedMixin, ServiceFormMixin, generic.FormView):
    """A form that creates a record through a service."""

    action = Action.ADD

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.member is not None:
            self.check_action()
        return super().dispatch(request, *args, **kwargs)


class ScopedUpdateView(ScopedMixin, ServiceFormMixin, generic.UpdateView):
    """A form that changes a record through a service, refusing to overwrite a newer version."""

    action = Action.CHANGE

    def get_initial(self):
        return {**super().get_initial(), "version": self.object.version}

    def get_form_kwargs(self):
        # The form validates on a copy: the service must see the record as it was loaded.
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = copy.copy(self.object)
        return kwargs
