"""Generic scoped views: every page that shows tenant-owned data is built on these."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views import generic

from yorisoi.core import recorder
from yorisoi.core.concurrency import EditConflict
from yorisoi.core.roles import Action
from yorisoi.core.scoping import Member, may, scoped

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_M = TypeVar("_M", bound=models.Model)
_M_co = TypeVar("_M_co", bound=models.Model, covariant=True)
_F = TypeVar("_F", bound=forms.BaseForm)
_MF = TypeVar("_MF", bound="forms.BaseModelForm[Any]")


def request_member(request: object) -> Member | None:
    """The membership a request acts through, or None.

    Pages: settled by the organizations middleware; the API: by its authentication classes.
    """
    member: Member | None = getattr(request, "member", None)
    return member


class _MemberRows(Protocol[_M_co]):
    def for_member(self, member: Member | None, action: str = ...) -> models.QuerySet[_M_co]: ...


def member_rows(
    model: type[_M], member: Member | None, action: str = Action.VIEW
) -> models.QuerySet[_M]:
    """``model.objects.for_member(member, action)`` for a model known only as a type.

    Every model a scoped view, viewset or filter serves has one manager, whose querysets have
    ``for_member`` (a TenantQuerySet, or one of its own); ``type[_M]`` cannot say so.
    """
    return cast("_MemberRows[_M]", model._default_manager).for_member(member, action)


if TYPE_CHECKING:
    # What the mixins below take from the Django view they are mixed into.

    class _ObjectView(generic.View, Generic[_M]):
        def get_object(self, queryset: models.QuerySet[_M] | None = None) -> _M: ...

    class _FormPage(generic.base.TemplateResponseMixin, generic.edit.FormMixin[_F], generic.View):
        pass

    _ListView = generic.ListView
    _DetailView = generic.DetailView
    _FormView = generic.FormView
    _UpdateView = generic.UpdateView
else:
    # At runtime Django's views take no type parameters (django_stubs_ext is not patched in).
    class _ObjectView(Generic[_M]):
        pass

    class _FormPage(Generic[_F]):
        pass

    class _ListView(generic.ListView, Generic[_M]):
        pass

    class _DetailView(generic.DetailView, Generic[_M]):
        pass

    class _FormView(generic.FormView, Generic[_F]):
        pass

    class _UpdateView(generic.UpdateView, Generic[_M, _MF]):
        pass


class MemberRequiredMixin(LoginRequiredMixin):
    """Signed in and acting through an active membership of some organization."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if request_member(request) is None:
            return render(request, "core/no_membership.html", status=403)
        return super().dispatch(request, *args, **kwargs)


class ScopedMixin(MemberRequiredMixin, _ObjectView[_M]):
    """Reads go through ``for_member``: a record outside the member's scope is a 404.

    ``action`` is what the view does. For a view of one record the record must first be
    visible (else 404, exactly like a record that does not exist); then the action must be
    allowed (else 403).
    """

    model: type[_M] | None = None
    action: str = Action.VIEW

    def scoped_model(self) -> type[_M]:
        if self.model is None:
            raise ImproperlyConfigured(f"{type(self).__name__} names no model")
        return self.model

    def get_queryset(self) -> models.QuerySet[_M]:
        return member_rows(self.scoped_model(), request_member(self.request), Action.VIEW)

    @classmethod
    def allows(cls, member: Member | None) -> bool:
        """May this member open the view at all? Links to it ask the same (navigation.may_open)."""
        model: type[models.Model] | None = cls.model
        return model is None or may(member, scoped(model), cls.action)

    def check_action(self) -> None:
        if not self.allows(request_member(self.request)):
            raise PermissionDenied

    def get_object(self, queryset: models.QuerySet[_M] | None = None) -> _M:
        obj = super().get_object(queryset)
        if self.action != Action.VIEW:
            self.check_action()
            if (
                not member_rows(self.scoped_model(), request_member(self.request), self.action)
                .filter(pk=obj.pk)
                .exists()
            ):
                raise PermissionDenied
        if self.request.method == "GET":
            recorder.record_view(obj)
        return obj


class ScopedListView(ScopedMixin[_M], _ListView[_M]):
    """A filtered, paginated list of the member's records; showing personal data is logged."""

    filterset_class: type[Any] | None = None
    paginate_by = 50

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and request_member(request) is not None:
            self.check_action()
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> models.QuerySet[_M]:
        queryset = super().get_queryset()
        if self.filterset_class is not None:
            self.filterset = self.filterset_class(
                self.request.GET or None, queryset=queryset, request=self.request
            )
            queryset = self.filterset.qs
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filterset"] = getattr(self, "filterset", None)
        page = context.get("page_obj")
        rows = len(page.object_list) if page is not None else len(context["object_list"])
        recorder.record_list(
            self.scoped_model(), count=rows, query=self.request.GET, filterset=context["filterset"]
        )
        return context


class ScopedDetailView(ScopedMixin[_M], _DetailView[_M]):
    """One record; its view is logged when it holds personal data."""

    model: type[_M]  # a view of one record always names its model


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put each message on the field it names, or at the top when the form has no such field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class ServiceFormMixin(_FormPage[_F], Generic[_M, _F]):
    """Forms whose valid data is handed to a service; the view never saves models itself.

    Subclasses define ``perform(form)`` returning the created or changed record. An edit
    that lost a race is shown again with the conflict message and nothing saved; data the
    service refuses (ValidationError) is shown on the form, field by field.
    """

    request: HttpRequest
    object: _M
    success_message: StrOrPromise = ""

    if TYPE_CHECKING:

        def perform(self, form: _F) -> _M: ...

    def form_valid(self, form: _F) -> HttpResponse:
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


class ScopedCreateView(ScopedMixin[_M], ServiceFormMixin[_M, _F], _FormView[_F]):
    """A form that creates a record through a service."""

    action = Action.ADD

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and request_member(request) is not None:
            self.check_action()
        return super().dispatch(request, *args, **kwargs)


class _Versioned(Protocol):
    version: int  # every record edited here is versioned (concurrency.save_versioned)


class ScopedUpdateView(ScopedMixin[_M], ServiceFormMixin[_M, _MF], _UpdateView[_M, _MF]):
    """A form that changes a record through a service, refusing to overwrite a newer version."""

    model: type[_M]  # a view of one record always names its model
    action = Action.CHANGE

    def get_initial(self) -> dict[str, Any]:
        return {**super().get_initial(), "version": cast("_Versioned", self.object).version}

    def get_form_kwargs(self) -> dict[str, Any]:
        # The form validates on a copy: the service must see the record as it was loaded.
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = copy.copy(self.object)
        return kwargs
