"""Japanese note search over character bigrams, answered from an index on PostgreSQL and SQLite.

A searchable model has a ``search_text`` field holding ``search_text_for(...)`` of its notes.
Its migration adds the index with ``search_index_operation(db_table)``. On SQLite the index is
an FTS5 table that ``index()`` / ``unindex()`` keep in sync; on PostgreSQL it is a GIN expression
index that the database maintains itself. Usage::

    record.search_text = search_text_for(record.summary, record.next_action)
    record.save()
    index(record)  # in the same transaction as the save

    with search_transaction():
        hits = list(matching(ContactRecord.objects.filter(organization=org), "訪問 母"))

Bigrams answer 1-, 2- and longer queries from an index; word tokenizers and pg_trgm do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections, migrations, models, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import RawSQL

from yorisoi.core.text import bigrams, normalize_text, query_terms

if TYPE_CHECKING:
    from django.db.models.sql.compiler import SQLCompiler

__all__ = [
    "create_index_sql",
    "drop_index_sql",
    "index",
    "index_many",
    "matching",
    "search_function_operation",
    "search_index_operation",
    "search_text_for",
    "search_transaction",
    "unindex",
]

FIELD = "search_text"
_M = TypeVar("_M", bound=models.Model)
_WORD_RUNS = re.compile(r"\w+")  # the runs text.bigrams() pairs within

# Bigrams of the whole text plus its last character; pairs spanning spaces or punctuation are
# harmless extra lexemes. Not inlined by the planner (it has a FROM), so the query's
# yorisoi_bigrams(column) matches the index expression. Each character is paired with the
# next by unnesting the array beside itself shifted by one: subscripting a text array walks
# it from the start, which made the earlier chars[i] form 2.5 times slower per note (and
# this function runs for every note written and every row a search rechecks).
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION yorisoi_bigrams(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_to_tsvector(array_remove(ARRAY(
        SELECT a || coalesce(b, '') FROM unnest(chars, chars[2:]) AS pair(a, b)
    ), ''))
    FROM string_to_array(body, NULL) AS chars
$$
"""
# Other models' indexes may still use the function: keep it then.
_PG_DROP_FUNCTION = """
DO $$ BEGIN
    DROP FUNCTION IF EXISTS yorisoi_bigrams(text);
EXCEPTION WHEN dependent_objects_still_exist THEN NULL;
END $$
"""


def search_text_for(*parts: str) -> str:
    """The normalized text that search indexes, from a record's note fields."""
    return normalize_text("\n".join(parts))


def _fts_table(db_table: str) -> str:
    return f"{db_table}_fts"


def create_index_sql(db_table: str, vendor: str) -> list[str]:
    """Statements that create the search index of a table with a ``search_text`` column."""
    if vendor == "postgresql":
        return [
            _PG_FUNCTION,
            f'CREATE INDEX "{db_table}_search" ON "{db_table}" USING gin (yorisoi_bigrams({FIELD}))',
        ]
    if vendor == "sqlite":
        # A regular (not contentless) table, so rows can be deleted by rowid on SQLite < 3.43.
        # The ascii tokenizer keeps every non-ASCII character and '_' makes each bigram exactly
        # one token (unicode61 would split on '_' and on letters newer than its Unicode 6.1).
        return [
            f'CREATE VIRTUAL TABLE "{_fts_table(db_table)}" '
            f"USING fts5(bigrams, tokenize=\"ascii tokenchars '_'\")"
        ]
    return []


def drop_index_sql(db_table: str, vendor: str) -> list[str]:
    """Statements that drop what ``create_index_sql`` created."""
    if vendor == "postgresql":
        return [f'DROP INDEX IF EXISTS "{db_table}_search"', _PG_DROP_FUNCTION]
    if vendor == "sqlite":
        return [f'DROP TABLE IF EXISTS "{_fts_table(db_table)}"']
    return []


def search_index_operation(db_table: str) -> migrations.RunPython:
    """A migration operation that adds (and on reverse drops) the search index of a table."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        connection = schema_editor.connection
        for sql in create_index_sql(db_table, connection.vendor):
            schema_editor.execute(sql, params=None)
        if connection.vendor == "sqlite":
            _backfill(connection, db_table)

    def backwards(apps: Any, schema_editor: Any) -> None:
        for sql in drop_index_sql(db_table, schema_editor.connection.vendor):
            schema_editor.execute(sql, params=None)

    return migrations.RunPython(forwards, backwards)


def search_function_operation() -> migrations.RunPython:
    """A migration operation that (re)defines the bigram function on PostgreSQL.

    Only for a new body that gives the same bigrams as the one it replaces: the indexes built
    with the function stay valid and are not rebuilt.
    """

    def forwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_PG_FUNCTION, params=None)

    return migrations.RunPython(forwards, migrations.RunPython.noop)


def _backfill(connection: BaseDatabaseWrapper, db_table: str) -> None:
    """Index rows that existed before the FTS table did."""
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT rowid, {FIELD} FROM "{db_table}"')  # noqa: S608 (our table name)
        rows = [(pk, " ".join(bigrams(text or ""))) for pk, text in cursor.fetchall()]
        cursor.executemany(
            f'INSERT INTO "{_fts_table(db_table)}" (rowid, bigrams) VALUES (%s, %s)',  # noqa: S608
            rows,
        )


def _connection_for(instance: models.Model) -> BaseDatabaseWrapper:
    return connections[instance._state.db or router.db_for_write(type(instance))]


def index(instance: models.Model) -> None:
    """Make the instance's SQLite FTS row match its ``search_text`` (PostgreSQL: no-op)."""
    connection = _connection_for(instance)
    if connection.vendor != "sqlite":
        return
    table = _fts_table(instance._meta.db_table)
    text = " ".join(bigrams(getattr(instance, FIELD)))
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{table}" WHERE rowid = %s', [instance.pk])  # noqa: S608
        cursor.execute(
            f'INSERT INTO "{table}" (rowid, bigrams) VALUES (%s, %s)',  # noqa: S608
            [instance.pk, text],
        )


def index_many(instances: Sequence[models.Model]) -> None:
    """``index()`` for rows just created in bulk (none of them indexed yet): one statement."""
    if not instances:
        return
    connection = _connection_for(instances[0])
    if connection.vendor != "sqlite":
        return
    table = _fts_table(instances[0]._meta.db_table)
    rows = [(instance.pk, " ".join(bigrams(getattr(instance, FIELD)))) for instance in instances]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.executemany(
            f'INSERT INTO "{table}" (rowid, bigrams) VALUES (%s, %s)',  # noqa: S608
            rows,
        )


def unindex(instance: models.Model) -> None:
    """Remove the instance from SQLite's FTS table; call it before ``delete()``, which clears pk."""
    connection = _connection_for(instance)
    if connection.vendor != "sqlite" or instance.pk is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f'DELETE FROM "{_fts_table(instance._meta.db_table)}" WHERE rowid = %s',  # noqa: S608
            [instance.pk],
        )


@contextmanager
def search_transaction(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Evaluate ``matching()`` querysets inside this: a transaction with enough work_mem.

    With PostgreSQL's default 4MB a common character's bitmap goes lossy and every row's bigrams
    are recomputed (tens of seconds); SET LOCAL lasts until the transaction ends. JIT is off:
    compiling these short queries costs more (≈30 ms) than running them.
    """
    with transaction.atomic(using=using):
        connection = connections[using]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")
                cursor.execute("SET LOCAL jit = off")
        yield


class _BigramsMatch(models.Func):
    """``yorisoi_bigrams(column) @@ 'query'::tsquery``, the condition the GIN index answers."""

    function = "yorisoi_bigrams"
    output_field = models.BooleanField()

    def __init__(self, column: str, tsquery: str) -> None:
        super().__init__(models.F(column))
        self.tsquery = tsquery

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[str | int, ...]]:
        sql, params = super().as_sql(
            compiler,
            connection,
            function=function,
            template=template,
            arg_joiner=arg_joiner,
            **extra_context,
        )
        return f"{sql} @@ %s::tsquery", (*params, self.tsquery)


def _tsquery(term: str) -> str:
    """The term's pairs, all required; a single character is a prefix of some lexeme."""

    def lexeme(text: str) -> str:
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"

    if len(term) == 1:
        return lexeme(term) + ":*"
    return " & ".join(lexeme(term[i : i + 2]) for i in range(len(term) - 1))


def _fts5_phrase(term: str) -> str | None:
    """An FTS5 phrase every text containing ``term`` matches; None if the term has no words.

    Mirrors ``bigrams()``: a run's pairs, then its last character where the run ends (a
    non-word character follows it in the term); a final one-character run is a prefix token.
    """
    runs = list(_WORD_RUNS.finditer(term))
    if not runs:
        return None
    tokens: list[str] = []
    for run in runs:
        word = run.group()
        tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
        if run.end() < len(term):
            tokens.append(word[-1])
    last = runs[-1].group()
    prefix = runs[-1].end() == len(term) and len(last) == 1
    if prefix:
        tokens.append(last)
    # Tokens hold only word characters; doubling quotes keeps that true even if it ever changes.
    phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
    return phrase + "*" if prefix else phrase


def matching(queryset: models.QuerySet[_M], query: str) -> models.QuerySet[_M]:
    """Rows of ``queryset`` whose ``search_text`` contains every word of ``query``.

    Exactly a substring match (the index narrows, LIKE on the normalized text rechecks); the
    queryset's other filters and ordering stay. Evaluate it inside ``search_transaction()``.
    """
    terms = query_terms(query)
    if not terms:
        return queryset
    connection = connections[queryset.db]
    if connection.vendor == "postgresql":
        # One tsquery for all terms: a single GIN scan rather than a BitmapAnd of several.
        tsquery = " & ".join(f"({_tsquery(term)})" for term in terms)
        queryset = queryset.filter(_BigramsMatch(FIELD, tsquery))
    elif connection.vendor == "sqlite":
        phrases = [phrase for term in terms if (phrase := _fts5_phrase(term))]
        if phrases:
            table = connection.ops.quote_name(_fts_table(queryset.model._meta.db_table))
            # Only our table name is interpolated; the user's words travel as a parameter.
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"  # noqa: S608
            fts_rows = RawSQL(sql, [" AND ".join(phrases)])  # noqa: S611
            queryset = queryset.filter(pk__in=fts_rows)
    return _containing(queryset, terms)


def _containing(queryset: models.QuerySet[_M], terms: list[str]) -> models.QuerySet[_M]:
    """The exact test: the normalized text contains every term (LIKE '%term%')."""
    for term in terms:
        queryset = queryset.filter(**{f"{FIELD}__contains": term})
    return queryset


# Above this many matches a word counts as frequent (see ``is_frequent``).
FREQUENT = 2000


def is_frequent(matches: models.QuerySet[Any]) -> bool:
    """Has this ``matching()`` queryset more than FREQUENT rows? (A count that stops there.)

    The bigram index fetches every match before the newest can be picked: cheap for a rare
    word, slow for one in tens of thousands of notes. For a frequent word, ``scanning()``
    reads the notes newest first and reaches a page of matches within a few thousand rows.
    """
    return matches.order_by()[: FREQUENT + 1].count() > FREQUENT


def scanning(queryset: models.QuerySet[_M], query: str) -> models.QuerySet[_M]:
    """The same rows as ``matching()``, found by testing each note's text, not the index.

    Only for frequent words read newest first (see ``is_frequent``): for a rare word it
    would read every note.
    """
    return _containing(queryset, query_terms(query))
