"""What contact records add to the case page, the start page, the case list and the due lists."""

import datetime

import django_filters
from django.db.models import F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.filtersets import CaseFilterSet
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.contacts import cancellations
from yorisoi.contacts.forms import ContactRecordForm
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import bundle, search
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Role
from yorisoi.due.registry import DueItem, DueKind, DueRows


class NoteWordsFilter(django_filters.CharFilter):
    """Cases with a contact record whose notes hold the words (bigram search, both databases)."""

    def filter(self, qs, value):
        if not value:
            return qs
        organization_id = self.parent.request.member.organization_id
        contacts = search.matching(
            ContactRecord.objects.filter(organization_id=organization_id), value
        )
        return qs.filter(pk__in=contacts.values("case_id"))


def quick_form_needs(case, member) -> dict:
    return bundle.choice_needs(ContactRecordForm(member=member, case=case), "contacts.quick")


def quick_form(case, member, found) -> dict:
    form = ContactRecordForm(member=member, case=case)
    bundle.fill_choices(form, found, "contacts.quick")
    return {"form": form}


def _contacts(before, limit):
    rows = ContactRecord.objects.filter(
        case=OuterRef("pk"), **({"occurred_at__lt": before} if before else {})
    ).order_by("-occurred_at", "-pk")
    return Rows(rows[:limit], many=("staff__user", "with_members"))


def _silence(member, today):
    """No contact that reached the person or family for the organization's number of days."""
    days = member.organization.silence_days
    limit = today - datetime.timedelta(days=days)
    # From each case's contact state (contacts.state), not a scan of every contact record.
    cases = (
        cases_in_scope(member)
        .annotate(last_reached=F("contact_state__last_reached_at"))
        .filter(
            Q(last_reached__lt=extensions.as_datetime(limit))
            | Q(last_reached__isnull=True, opened_on__lt=limit)
        )
        .select_related("person")
        .order_by(F("last_reached").asc(nulls_last=True), "pk")
    )
    return DueRows(
        cases,
        lambda c: DueItem(
            "silence",
            c,
            None,
            _("No contact that reached the person or family for %(days)s days or more")
            % {"days": days},
        ),
    )


def register() -> None:
    from yorisoi.contacts.importers import contact_import
    from yorisoi.contacts.selectors import my_work
    from yorisoi.core.home import register_panel
    from yorisoi.due import registry as due
    from yorisoi.imports import registry as imports

    extensions.register_panel(
        extensions.CasePanel(
            "contacts/panels/quick_form.html", quick_form, "main", 10, needs=quick_form_needs
        )
    )
    extensions.register_panel(
        extensions.CasePanel(
            "contacts/panels/take_away.html",
            lambda case, member, found: {},
            "side",
            90,
            needs=lambda case, member: {},
        )
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "contact",
            _("Contact records"),
            _contacts,
            "occurred_at",
            "contacts/timeline_contact.html",
            10,
        )
    )
    CaseFilterSet.add_filter("notes", NoteWordsFilter(label=_("Words in contact notes")))
    register_panel("contacts/panels/my_work.html", my_work, model="cases.Case", order=10)
    due.register(DueKind("silence", _("Long without contact"), _silence, 40))
    # Meetings called off one after another (handbook point 9): a banner, and past the
    # organization's number a due kind for supervisors. The panel queries once on its own.
    extensions.register_panel(
        extensions.CasePanel(
            "contacts/panels/cancellations.html",
            cancellations.panel,
            "banner",
            20,
            needs=cancellations.panel_needs,
        )
    )
    due.register(
        DueKind(
            "cancellations",
            _("Meetings called off in a row"),
            cancellations.due_rows,
            45,
            roles=frozenset({Role.SUPERVISOR}),
        )
    )
    imports.register(
        imports.Ledger(
            "contacts", _("Contact records"), "contacts.ContactRecord", contact_import, 20
        )
    )
