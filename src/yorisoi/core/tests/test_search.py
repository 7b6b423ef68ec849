"""Tests for bigram note search on whichever database DATABASE_URL selects (run on both)."""

import random

import pytest
from django.db import connection

from yorisoi.contacts.models import ContactRecord
from yorisoi.contacts.tests.factories import ContactRecordFactory
from yorisoi.core.search import index, matching, search_text_for, search_transaction, unindex

pytestmark = pytest.mark.django_db

VOCABULARY = ["訪問", "看護", "母", "父", "手紙", "電話", "家族", "支援", "問", "訪", "sns", "、"]


def note(summary: str, **kwargs) -> ContactRecord:
    """A contact record indexed the way the application does it (the factory only saves)."""
    record = ContactRecordFactory(summary=summary, **kwargs)
    record.search_text = search_text_for(record.summary, record.next_action)
    record.save(update_fields=["search_text"])
    index(record)
    return record


def found(query: str) -> set[str]:
    """Summaries of the records the search returns."""
    with search_transaction():
        return set(matching(ContactRecord.objects.all(), query).values_list("summary", flat=True))


@pytest.fixture
def notes() -> list[ContactRecord]:
    summaries = [
        "母と電話で話した",
        "訪問看護の手紙を送った",
        "自宅を訪問した",
        "訪ねて来た人に質問した",  # 訪 and 問 apart: not 訪問
        "問訪という造語",
        "Hello from the SNS team",
        "父の手紙",
    ]
    first = note(summaries[0])
    return [first] + [note(text, case=first.case) for text in summaries[1:]]


@pytest.mark.usefixtures("notes")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("母", {"母と電話で話した"}),
        ("訪問", {"訪問看護の手紙を送った", "自宅を訪問した"}),
        ("手紙", {"訪問看護の手紙を送った", "父の手紙"}),
        ("訪問看護", {"訪問看護の手紙を送った"}),
        ("ｈｅｌｌｏ", {"Hello from the SNS team"}),
        ("ＳＮＳ", {"Hello from the SNS team"}),
        ("sns team", {"Hello from the SNS team"}),
        ("手紙 訪問", {"訪問看護の手紙を送った"}),
        ("　訪問　　看護 ", {"訪問看護の手紙を送った"}),
        ("問訪", {"問訪という造語"}),
        ("訪問 存在しない", set()),
    ],
)
def test_finds_substrings(query: str, expected: set[str]) -> None:
    """1, 2 and longer terms, width and case folding, AND of words, and no false positives."""
    assert found(query) == expected


@pytest.mark.usefixtures("notes")
def test_empty_query_returns_queryset_unchanged() -> None:
    queryset = ContactRecord.objects.filter(summary__startswith="父")
    assert matching(queryset, "  　") is queryset


def test_scoped_by_the_queryset_passed_in(org, other_org) -> None:
    """The caller's filters (here the organization) and ordering still apply."""
    ours = note("訪問した", case__organization=org)
    note("訪問した", case__organization=other_org)
    older = note("また訪問した", case=ours.case, occurred_at=ours.occurred_at.replace(year=2024))
    with search_transaction():
        hits = list(matching(ContactRecord.objects.for_organization(org), "訪問"))
    assert hits == [ours, older]


def test_unindex_and_delete_remove_hits(notes) -> None:
    letter = next(record for record in notes if record.summary == "父の手紙")
    unindex(letter)
    letter.delete()
    assert found("手紙") == {"訪問看護の手紙を送った"}
    if connection.vendor == "sqlite":  # the FTS row is gone too, not just hidden by the join
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM contacts_contactrecord_fts WHERE rowid = %s", [letter.pk]
            )
            assert cursor.fetchone() == (0,)


def test_edit_is_reindexed() -> None:
    record = note("母と電話で話した")
    record.summary = "父と会った"
    record.search_text = search_text_for(record.summary)
    record.save()
    index(record)
    assert found("母") == set()
    assert found("父") == {"父と会った"}


@pytest.mark.parametrize(
    "query", ["' OR 1=1 --", '"', "*", "NEAR(", "%", "_", "a_b", "\\", "'':*", "!!", "訪問!"]
)
def test_hostile_input_matches_literal_substrings_only(query: str) -> None:
    case = note("普通のメモ").case
    literal = note(f"x{query}x", case=case)
    note("axbx 訪問", case=case)  # would match if % or _ were wildcards
    assert found(query) == {literal.summary}


def test_random_queries_equal_substring_filter() -> None:
    """Several hundred random notes and queries: the same hits as Python's ``in``."""
    rng = random.Random(20250501)
    summaries = [
        "".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 8))) for _ in range(300)
    ]
    case = note(summaries[0]).case
    for summary in summaries[1:]:
        note(summary, case=case)
    alphabet = sorted(set("".join(VOCABULARY)))
    queries = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(60)]
    queries += [f"{rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)}" for _ in range(10)]
    for query in queries:
        expected = {s for s in summaries if all(t in s for t in query.split())}
        assert found(query) == expected, query


def plan(query: str) -> str:
    return matching(ContactRecord.objects.all(), query).explain()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
@pytest.mark.usefixtures("notes")
def test_postgresql_plan_uses_gin_index() -> None:
    with search_transaction(), connection.cursor() as cursor:
        # A handful of rows is cheaper to scan; this shows the index matches the expression.
        cursor.execute("SET LOCAL enable_seqscan = off")
        assert "contacts_contactrecord_search" in plan("訪問")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
@pytest.mark.usefixtures("notes")
def test_sqlite_plan_uses_fts_table() -> None:
    explained = plan("訪問")
    assert "contacts_contactrecord_fts VIRTUAL TABLE" in explained


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's bigram function")
@pytest.mark.parametrize(
    ("body", "lexemes"),
    [
        ("", []),
        ("母", ["母"]),
        ("訪問", ["問", "訪問"]),
        ("母と母", ["と母", "母", "母と"]),  # each pair once, and the last character alone
        ("a、b", ["a、", "b", "、b"]),  # pairs across punctuation are harmless extras
    ],
)
def test_postgresql_bigram_function(body: str, lexemes: list[str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(yorisoi_bigrams(%s))", [body])
        assert sorted(cursor.fetchone()[0]) == sorted(lexemes)
