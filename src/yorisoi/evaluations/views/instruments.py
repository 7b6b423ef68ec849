"""The instruments an organization sees, and its own: defined, revised and copied from others."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.core.roles import Action
from yorisoi.core.tables import TableMixin
from yorisoi.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from yorisoi.evaluations import selectors, services, tables
from yorisoi.evaluations.forms import InstrumentForm
from yorisoi.evaluations.models import Instrument


class InstrumentListView(TableMixin, ScopedListView):
    model = Instrument
    template_name = "evaluations/instrument_list.html"
    table = tables.INSTRUMENTS

    def get_queryset(self):
        return selectors.instruments_for(self.request.member, active_only=False)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=Instrument.access_policy.allows(self.request.member, Action.ADD), **kwargs
        )


class InstrumentDetailView(ScopedDetailView):
    """An instrument's current items and levels, and the versions it has had."""

    model = Instrument
    template_name = "evaluations/instrument_detail.html"

    def get_context_data(self, **kwargs):
        member = self.request.member
        instrument = self.object
        return super().get_context_data(
            current=selectors.current_version(instrument),
            versions=list(instrument.versions.order_by("-number")),
            can_change=not instrument.is_shipped
            and Instrument.access_policy.allows(member, Action.CHANGE),
            can_add=Instrument.access_policy.allows(member, Action.ADD),
            **kwargs,
        )


class InstrumentFormMixin:
    template_name: str | None = "evaluations/instrument_form.html"

    def get_success_url(self):
        return reverse("evaluations:instrument_detail", args=[self.object.pk])


class InstrumentCreateView(InstrumentFormMixin, ScopedCreateView):
    """A new own instrument, empty or as a copy of one the organization sees (``?from=<pk>``)."""

    form_class = InstrumentForm
    model = Instrument
    success_message = gettext_lazy("The instrument has been created as version 1.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        source_pk = self.request.GET.get("from", "")
        if source_pk.isdigit():
            source = get_object_or_404(self.get_queryset(), pk=source_pk)
            version = selectors.current_version(source)
            kwargs["specs"] = selectors.item_specs(version) if version else []
            kwargs["initial"] = {
                "name": _("%(name)s (our version)") % {"name": source.name},
                "description": source.description,
            }
        return kwargs

    def perform(self, form):
        return services.create_instrument(actor=self.request.member, **form.service_fields())


class InstrumentUpdateView(InstrumentFormMixin, ScopedUpdateView):
    """Change an own instrument. Changed items become a new version; old scores stay as given."""

    form_class = InstrumentForm
    model = Instrument
    success_message = gettext_lazy("The instrument has been saved.")

    def get_form_kwargs(self):
        version = selectors.current_version(self.object)
        return {
            **super().get_form_kwargs(),
            "specs": selectors.item_specs(version) if version else [],
        }

    def perform(self, form):
        return services.change_instrument(
            actor=self.request.member,
            instrument=self.object,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )
