"""Lists fetched as JSON in one query come back as the same model instances the ORM gives."""

import datetime
import json

from django.db.models import OuterRef

from yorisoi.cases.models import Case
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.consents.models import Consent
from yorisoi.consents.tests.factories import ConsentFactory
from yorisoi.contacts import services
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import bundle
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Role


def _values(obj):
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def _contacts(case, caseworker, supervisor):
    mother = HouseholdMemberFactory(household=case.household, organization=case.organization)
    for day, staff in [(3, [caseworker]), (1, [caseworker, supervisor]), (2, [supervisor])]:
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=staff,
            with_members=[mother],
            occurred_at=datetime.datetime(2025, 5, day, 10, 30, tzinfo=datetime.UTC),
            channel="home_visit" if len(set(staff)) == 2 else "phone",
            reached="family",
            outcome="met",
            summary=f"母と話した {day}",
            lone_visit_reason="",
        )


def test_rows_come_back_equal_with_relations_and_order(
    caseworker, supervisor, org, django_assert_num_queries
):
    case = CaseFactory(organization=org)
    _contacts(case, caseworker, supervisor)
    ConsentFactory(case=case, organization=org)  # no household member: an empty foreign key
    CaseFactory(organization=org)  # another case's rows never come along
    needs = {
        "contacts": Rows(
            ContactRecord.objects.filter(case=OuterRef("pk")).order_by("-occurred_at")[:2],
            many=("staff__user", "with_members"),
        ),
        "consents": Rows(
            Consent.objects.filter(case=OuterRef("pk")).select_related("given_by_member")
        ),
        "nothing": Rows(Consent.objects.filter(case=OuterRef("pk"), scope="（該当なし）")),
    }
    bundle.fetch(Case.objects.filter(pk=case.pk), needs)  # SQLite checks its JSON support once
    with django_assert_num_queries(1):
        found = bundle.fetch(Case.objects.filter(pk=case.pk), needs)
        contacts, consents = found["contacts"], found["consents"]
        staff = [[str(m.user) for m in c.staff.all()] for c in contacts]
        members = [list(c.with_members.all()) for c in contacts]
        giver = consents[0].given_by_member
    expected = list(ContactRecord.objects.filter(case=case).order_by("-occurred_at")[:2])
    assert [_values(c) for c in contacts] == [_values(c) for c in expected]
    assert contacts[0].occurred_at == datetime.datetime(2025, 5, 3, 10, 30, tzinfo=datetime.UTC)
    assert staff == [[str(caseworker.user)], [str(supervisor.user)]]
    assert [[m.pk for m in group] for group in members] == [
        [m.pk for m in c.with_members.all()] for c in expected
    ]
    assert _values(consents[0]) == _values(Consent.objects.get(case=case))
    assert giver is None
    assert found["nothing"] == []


def test_fields_limit_the_columns_and_the_password_never_comes(caseworker, org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = CaseFactory(organization=org)
    _contacts(case, caseworker, caseworker)
    with CaptureQueriesContext(connection) as ctx:
        found = bundle.fetch(
            Case.objects.filter(pk=case.pk),
            {"first": Rows(ContactRecord.objects.filter(case=OuterRef("pk")), fields=("channel",))},
        )
    assert "summary" not in ctx.captured_queries[0]["sql"]  # not even read by the database
    found |= bundle.fetch(
        Case.objects.filter(pk=case.pk),
        {"staff": Rows(ContactRecord.objects.filter(case=OuterRef("pk")), many=("staff__user",))},
    )
    assert "summary" not in found["first"][0].__dict__
    assert found["first"][0].channel in {"phone", "home_visit"}
    user = found["staff"][0].staff.all()[0].user
    assert "password" not in user.__dict__


def test_form_choices_come_with_the_page(caseworker, supervisor, org, django_assert_num_queries):
    from yorisoi.contacts.forms import ContactRecordForm

    case = CaseFactory(organization=org)
    HouseholdMemberFactory(household=case.household, organization=org, name="寄添 和子")
    form = ContactRecordForm(member=caseworker, case=case)
    found = bundle.fetch(Case.objects.filter(pk=case.pk), bundle.choice_needs(form, "quick"))
    bundle.fill_choices(form, found, "quick")
    with django_assert_num_queries(0):
        html = str(form["staff"]) + str(form["with_members"])
    assert "寄添 和子" in html
    assert str(supervisor.user) in html


def test_the_password_hash_never_leaves_the_database(caseworker, org):
    from django.db import connection

    case = CaseFactory(organization=org)
    _contacts(case, caseworker, caseworker)
    rows = Rows(ContactRecord.objects.filter(case=OuterRef("pk")), many=("staff__user",))
    kind = bundle.WholeRows if connection.vendor == "postgresql" else bundle.JSONRows
    raw = (
        Case.objects.filter(pk=case.pk).values(j=kind(rows.queryset, bundle._plan(rows))).get()["j"]
    )
    text = raw if isinstance(raw, str) else json.dumps(raw)
    assert caseworker.user.password not in text
    assert '"password"' not in text
    assert caseworker.user.username in text  # the user's row did come


def test_many_relations_keep_their_models_order_both_ways(org, make_member):
    """Staff ordered through their user's furigana (a join), and a many-to-many seen from the
    other side (a household member's contacts, newest first), as the ORM gives them."""
    from yorisoi.cases.models import HouseholdMember

    staff = [make_member(org, Role.CASEWORKER, user__full_name_kana=kana) for kana in "わさあ"]
    case = CaseFactory(organization=org)
    _contacts(case, staff[0], staff[1])
    ContactRecord.objects.get(summary="母と話した 3").staff.add(*staff)
    found = bundle.fetch(
        Case.objects.filter(pk=case.pk),
        {
            "contacts": Rows(ContactRecord.objects.filter(case=OuterRef("pk")), many=("staff",)),
            "members": Rows(
                HouseholdMember.objects.filter(household=OuterRef("household")),
                many=("contacts",),
            ),
        },
    )
    expected = ContactRecord.objects.filter(case=case).prefetch_related("staff")
    assert [[m.pk for m in c.staff.all()] for c in found["contacts"]] == [
        [m.pk for m in c.staff.all()] for c in expected
    ]
    assert [m.pk for m in found["contacts"][0].staff.all()] == [s.pk for s in reversed(staff)]
    (mother,) = found["members"]
    assert [c.pk for c in mother.contacts.all()] == [
        c.pk for c in HouseholdMember.objects.get(pk=mother.pk).contacts.all()
    ]
    assert len(mother.contacts.all()) == 3
