"""Many small lists fetched in one query, as JSON, and turned back into model instances.

A page like the case page shows a dozen short lists (consents in force, the latest plan, the
timeline's newest entries of each kind, …). Asked one by one they cost a query each; here each
list becomes a correlated subquery that aggregates its rows to a JSON array (``jsonb_agg`` on
PostgreSQL, ``json_group_array`` on SQLite), all selected in one statement. The rows come back
as ordinary model instances, with their foreign keys and prefetched relations filled in, so
templates and properties work as with ``select_related``/``prefetch_related``.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

from django.conf import settings
from django.db import connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Func, OuterRef, QuerySet, Subquery
from django.db.models.functions import JSONObject
from django.db.models.sql.compiler import SQLCompiler
from django.forms import BaseForm, ModelChoiceField

Field: TypeAlias = "models.Field[Any, Any]"
SQL = tuple[str, Any]

PAIRS_PER_OBJECT = 45  # PostgreSQL's jsonb_build_object takes at most 100 arguments
# A user's password hash has no place on a page; the normalized copy of a record's notes that
# search indexes (core.search) is never shown and was a third of a contact record's JSON.
NEVER_FETCHED = {"password", "search_text"}


@dataclass(frozen=True)
class Rows:
    """Rows of one model that belong to the outer row, e.g. the consents of a case.

    ``queryset`` is filtered to the outer row with ``OuterRef`` and may be ordered and sliced; its
    ``select_related`` is followed. ``related`` are more foreign-key paths to fill; ``many`` are
    relations to fill like ``prefetch_related`` (``"staff__user"`` fills ``staff`` and each one's
    ``user``; ``"scores__item__levels"`` the scores, their item and the item's levels).
    """

    queryset: QuerySet[Any]
    related: tuple[str, ...] = ()
    many: tuple[str, ...] = ()
    fields: tuple[str, ...] | None = None  # only these columns of the row itself (with pk)


@dataclass
class _Plan:
    model: type[models.Model]
    fields: list[Field]
    related: dict[str, _Plan] = field(default_factory=dict)  # foreign key -> its row
    many: dict[str, tuple[str, _Plan]] = field(default_factory=dict)  # relation -> (lookup, rows)


def _columns(model: type[models.Model], only: Iterable[str] | None = None) -> list[Field]:
    wanted = set(only) if only is not None else None
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in NEVER_FETCHED
        and (wanted is None or f.primary_key or f.name in wanted or f.attname in wanted)
    ]


def _walk(node: _Plan, names: list[str]) -> None:
    name, rest = names[0], names[1:]
    relation: Any = node.model._meta.get_field(name)
    target = cast(type[models.Model], relation.related_model)
    if relation.concrete and not relation.many_to_many:  # a foreign key: part of this row
        child = node.related.setdefault(name, _Plan(target, _columns(target)))
    else:  # many-to-many or a reverse foreign key: a list of rows of its own
        if name not in node.many:
            if relation.many_to_many and relation.concrete:
                lookup = str(relation.related_query_name())
            else:
                lookup = str(relation.field.name)
            node.many[name] = (lookup, _Plan(target, _columns(target)))
        child = node.many[name][1]
    if rest:
        _walk(child, rest)


def _plan(rows: Rows) -> _Plan:
    plan = _Plan(rows.queryset.model, _columns(rows.queryset.model, rows.fields))
    for path in (*_select_related(rows.queryset), *rows.related, *rows.many):
        _walk(plan, path.split("__"))
    return plan


def _select_related(queryset: QuerySet[Any]) -> list[str]:
    """The queryset's own ``select_related`` paths, so a queryset can be passed as it is."""

    def paths(tree: dict[str, Any], prefix: str = "") -> list[str]:
        found = []
        for name, sub in tree.items():
            found.append(prefix + name)
            found.extend(paths(sub, f"{prefix}{name}__"))
        return found

    chosen = queryset.query.select_related
    return paths(chosen) if isinstance(chosen, dict) else []


def _pairs(plan: _Plan, prefix: str = "") -> dict[str, Any]:
    pairs: dict[str, Any] = {f"{prefix}{f.attname}": F(f"{prefix}{f.attname}") for f in plan.fields}
    for name, sub in plan.related.items():
        pairs.update(_pairs(sub, f"{prefix}{name}__"))
    for name, (lookup, sub) in plan.many.items():
        children = sub.model._default_manager.filter(**{lookup: OuterRef(f"{prefix}pk")})
        pairs[f"{prefix}{name}"] = JSONRows(children, sub)
    return pairs


class _Merge(Func):
    """Several JSON objects as one (jsonb ``||`` on PostgreSQL, ``json_patch`` on SQLite)."""

    output_field = models.JSONField()

    def as_sql(  # type: ignore[override]  # the function is fixed
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SQL:
        return super().as_sql(compiler, connection, function="JSON_PATCH", **extra)

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> SQL:
        return super().as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" || ", **extra
        )


def _object(pairs: dict[str, Any]) -> Func:
    items = list(pairs.items())
    chunks: list[Func] = [
        JSONObject(**dict(items[i : i + PAIRS_PER_OBJECT]))
        for i in range(0, len(items), PAIRS_PER_OBJECT)
    ]
    merged = chunks[0]
    for chunk in chunks[1:]:
        merged = _Merge(merged, chunk)
    return merged


class _RowsArray(Subquery):
    """A subquery of rows turned into one JSON array by the SQL ``around`` writes."""

    output_field = models.JSONField()

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        template: str | None = None,
        **extra: Any,
    ) -> SQL:
        # ``inner`` is Django's compiled subquery; its values stay in ``params``.
        inner, params = super().as_sql(compiler, connection, template="%(subquery)s", **extra)
        return self.around(inner, connection), params

    def around(self, inner: str, connection: BaseDatabaseWrapper) -> str:
        """The SQL around Django's subquery ``inner``: each vendor's class writes its own
        (JSONRows on SQLite, WholeRows on PostgreSQL); this base is never used directly."""
        raise NotImplementedError


class JSONRows(_RowsArray):
    """SQLite: the rows of ``queryset`` as one JSON array (``[]`` when there are none), each
    row an object the ORM builds field by field."""

    def __init__(self, queryset: QuerySet[Any], plan: _Plan):
        queryset = queryset.annotate(_j=_object(_pairs(plan))).values("_j")
        super().__init__(queryset, output_field=models.JSONField())

    def around(self, inner: str, connection: BaseDatabaseWrapper) -> str:
        # json() outside the subquery keeps the value JSON when it is nested in an object.
        return f"JSON((SELECT JSON_GROUP_ARRAY(JSON(_r._j)) FROM ({inner}) _r))"  # noqa: S608


class WholeRows(_RowsArray):
    """PostgreSQL: the rows of ``queryset`` as one JSON array of whole rows (``[]`` if none).

    Django compiles only the queryset's own selection of primary keys (its filters, order and
    slice); the JSON around it is written here from the plan: each row ``to_jsonb`` under "_",
    each foreign-key path's row under its path (joined by key), each many-relation as a nested
    array of the same shape. Building the same statement from ORM expressions took most of
    the case page's time.
    """

    def __init__(self, queryset: QuerySet[Any], plan: _Plan):
        super().__init__(queryset.values("pk"), output_field=models.JSONField())
        self.plan = plan

    def around(self, inner: str, connection: BaseDatabaseWrapper) -> str:
        names = _Aliases(connection.ops.quote_name)
        row, joins = names.new(), list[str]()
        built = _json_object(_row_pairs(self.plan, row, joins, names))
        table = names.quote(self.plan.model._meta.db_table)
        pk = names.quote(self.plan.model._meta.pk.column)
        return (
            f"COALESCE((SELECT JSONB_AGG({built} ORDER BY _k.n) "  # noqa: S608
            f"FROM UNNEST(ARRAY({inner})) WITH ORDINALITY AS _k(id, n) "
            f"JOIN {table} {row} ON {row}.{pk} = _k.id{''.join(joins)}), '[]'::jsonb)"
        )


class _Aliases:
    """Table aliases of one ``WholeRows`` statement (``_b0``, ``_b1``, …), and quoting."""

    def __init__(self, quote: Any):
        self.quote = quote
        self._next = 0

    def new(self) -> str:
        self._next += 1
        return f"_b{self._next - 1}"


def _whole(plan: _Plan, alias: str, names: _Aliases) -> str:
    """The row as JSON keyed by column: all of it, or only the plan's columns (``fields``)."""
    if len(plan.fields) < len(_columns(plan.model)):
        return _json_object(
            [(str(f.column), f"{alias}.{names.quote(f.column)}") for f in plan.fields]
        )
    hidden = "".join(f" - '{name}'" for name in sorted(NEVER_FETCHED))
    return f"(TO_JSONB({alias}){hidden})"


def _join(
    model: type[models.Model], alias: str, name: str, joins: list[str], names: _Aliases
) -> tuple[type[models.Model], str]:
    """LEFT JOIN the row the foreign key ``name`` of ``alias`` points to; its model and alias."""
    relation: Any = model._meta.get_field(name)
    target = cast(type[models.Model], relation.related_model)
    joined = names.new()
    joins.append(
        f" LEFT JOIN {names.quote(target._meta.db_table)} {joined} ON "
        f"{joined}.{names.quote(relation.target_field.column)} = "
        f"{alias}.{names.quote(relation.column)}"
    )
    return target, joined


def _row_pairs(
    plan: _Plan, alias: str, joins: list[str], names: _Aliases, path: str = ""
) -> list[tuple[str, str]]:
    """``_build_rows``' shape: the row under "_" (a listed row) or under its foreign-key path,
    each further foreign-key path its row, each many-relation its rows; the joins the foreign
    keys need are added to ``joins``."""
    if path:
        pk = names.quote(plan.model._meta.pk.column)
        # An empty foreign key joins no row: null, not an object of nulls.
        whole = _whole(plan, alias, names)
        pairs = [(path, f"CASE WHEN {alias}.{pk} IS NULL THEN NULL ELSE {whole} END")]
    else:
        pairs = [("_", _whole(plan, alias, names))]
    prefix = f"{path}__" if path else ""
    for name, sub in plan.related.items():
        _model, joined = _join(plan.model, alias, name, joins, names)
        pairs.extend(_row_pairs(sub, joined, joins, names, f"{prefix}{name}"))
    for name, (_lookup, sub) in plan.many.items():
        pairs.append((f"{prefix}{name}", _many(plan.model, alias, name, sub, names)))
    return pairs


def _json_object(pairs: list[tuple[str, str]]) -> str:
    chunks = [
        "JSONB_BUILD_OBJECT("
        + ", ".join(f"'{key}', {value}" for key, value in pairs[i : i + PAIRS_PER_OBJECT])
        + ")"
        for i in range(0, len(pairs), PAIRS_PER_OBJECT)
    ]
    return "(" + " || ".join(chunks) + ")"


def _many(model: type[models.Model], alias: str, name: str, plan: _Plan, names: _Aliases) -> str:
    """The rows of the many-relation ``name`` of ``alias`` as a JSON array, in their model's
    default order."""
    relation: Any = model._meta.get_field(name)
    child, joins = names.new(), list[str]()
    quote = names.quote
    table = quote(plan.model._meta.db_table)
    if relation.many_to_many:
        field = relation if relation.concrete else relation.field
        through = field.remote_field.through._meta
        own, other = field.m2m_column_name(), field.m2m_reverse_name()
        if not relation.concrete:  # the relation seen from the model the field points to
            own, other = other, own
        link = names.new()
        child_pk = quote(plan.model._meta.pk.column)
        source = (
            f"{quote(through.db_table)} {link} "
            f"JOIN {table} {child} ON {child}.{child_pk} = {link}.{quote(other)}"
        )
        condition = f"{link}.{quote(own)} = {alias}.{quote(model._meta.pk.column)}"
    else:  # a reverse foreign key (or one-to-one)
        field = relation.field
        source = f"{table} {child}"
        condition = f"{child}.{quote(field.column)} = {alias}.{quote(field.target_field.column)}"
    built = _json_object(_row_pairs(plan, child, joins, names))
    order = _order_by(plan.model, child, joins, names)
    ordering = f" ORDER BY {', '.join(order)}" if order else ""
    return (
        f"COALESCE((SELECT JSONB_AGG({built}{ordering}) FROM {source}{''.join(joins)} "  # noqa: S608
        f"WHERE {condition}), '[]'::jsonb)"
    )


def _order_by(
    model: type[models.Model],
    alias: str,
    joins: list[str],
    names: _Aliases,
    ordering: Iterable[str] | None = None,
    descending: bool = False,
) -> list[str]:
    """SQL terms for a model's default ordering as Django would apply it: a path through
    foreign keys joins them, a foreign key itself orders by its model's ordering."""
    terms: list[str] = []
    for key in (model._meta.ordering or []) if ordering is None else ordering:
        if not isinstance(key, str) or key == "?":
            continue
        desc = key.startswith("-") != descending
        *path, last = key.lstrip("-").split("__")
        current, at = model, alias
        for part in path:
            current, at = _join(current, at, part, joins, names)
        field: Any = current._meta.pk if last == "pk" else current._meta.get_field(last)
        if field.is_relation and last != field.attname:
            target, joined = _join(current, at, last, joins, names)
            terms.extend(_order_by(target, joined, joins, names, None, desc))
            continue
        terms.append(f"{at}.{names.quote(field.column)}{' DESC' if desc else ' ASC'}")
    return terms


def _value(model_field: Field, value: Any, vendor: str) -> Any:
    if value is None:
        return None
    if isinstance(model_field, models.DateTimeField):
        moment = model_field.to_python(value)
        if settings.USE_TZ and moment is not None and moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)  # SQLite keeps UTC without an offset
        return moment
    if isinstance(model_field, models.JSONField):
        return json.loads(value) if vendor == "sqlite" and isinstance(value, str) else value
    if isinstance(model_field, models.ForeignKey):
        return model_field.target_field.to_python(value)
    return model_field.to_python(value)


def _build(plan: _Plan, data: Mapping[str, Any], db: str, vendor: str, prefix: str = "") -> Any:
    pk = data.get(f"{prefix}{plan.model._meta.pk.attname}")
    if pk is None:
        return None  # an empty foreign key
    names = [f.attname for f in plan.fields]
    values = [_value(f, data.get(f"{prefix}{f.attname}"), vendor) for f in plan.fields]
    obj = plan.model.from_db(db, names, values)
    for name, sub in plan.related.items():
        obj._state.fields_cache[name] = _build(sub, data, db, vendor, f"{prefix}{name}__")
    for name, (_lookup, sub) in plan.many.items():
        items = data.get(f"{prefix}{name}") or []
        if isinstance(items, str):
            items = json.loads(items)
        children = [_build(sub, item, db, vendor) for item in items]
        _prefetched(obj, name, _in_order(children, sub.model._default_manager.all()))
    return obj


# Fields whose JSON value is already their Python value (text, whole numbers, true/false), as
# long as the field class keeps its base's conversion: most of a row, converted for nothing.
_NATIVE = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)
_Converters = tuple[list[str], list[tuple[str | None, "Field | None"]]]
_converter_cache: dict[tuple[type[models.Model], tuple[str, ...]], _Converters] = {}


def _native(field: Field) -> bool:
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    return any(
        isinstance(target, base) and type(target).to_python is base.to_python for base in _NATIVE
    )


def _converters(model: type[models.Model], fields: list[Field]) -> _Converters:
    """The attribute names of ``fields`` and, for each, its column and the field to convert
    its JSON value with (None: taken as it is), worked out once per model and fields."""
    key = (model, tuple(f.attname for f in fields))
    if key not in _converter_cache:
        _converter_cache[key] = (
            [f.attname for f in fields],
            [(f.column, None if _native(f) else f) for f in fields],
        )
    return _converter_cache[key]


def _build_rows(
    plan: _Plan,
    data: Mapping[str, Any],
    db: str,
    seen: dict[tuple[int, Any], Any],
    path: str = "",
    shared: bool = True,
) -> Any:
    """``_build`` for PostgreSQL's whole rows: each row under its path, keyed by column.

    A related row met again (the same question under each evaluation's scores, the same
    member among the staff of each contact record) is built once and shared, through ``seen``;
    only the listed rows themselves (``shared=False``) are always built.
    """
    row = data.get(path or "_")
    if row is None:
        return None  # an empty foreign key (a row of NULLs is NULL)
    key = (id(plan), row.get(plan.model._meta.pk.column))
    if shared and key in seen:
        return seen[key]
    names, converters = _converters(plan.model, plan.fields)
    values = [
        row.get(column) if convert is None else _value(convert, row.get(column), "postgresql")
        for column, convert in converters
    ]
    obj = plan.model.from_db(db, names, values)
    prefix = f"{path}__" if path else ""
    for name, sub in plan.related.items():
        obj._state.fields_cache[name] = _build_rows(sub, data, db, seen, f"{prefix}{name}")
    for name, (_lookup, sub) in plan.many.items():
        items = data.get(f"{prefix}{name}") or []
        children = [_build_rows(sub, item, db, seen) for item in items]
        _prefetched(obj, name, _in_order(children, sub.model._default_manager.all()))
    if shared:
        seen[key] = obj
    return obj


def _whole_rows(db: str) -> bool:
    return connections[db].vendor == "postgresql"


def hydrate(
    rows: Rows,
    data: list[dict[str, Any]] | str | None,
    db: str = "default",
    plan: _Plan | None = None,
) -> list[Any]:
    """Model instances from the JSON array of ``rows``, in the queryset's order."""
    items: list[dict[str, Any]] = json.loads(data) if isinstance(data, str) else data or []
    plan, vendor = plan or _plan(rows), connections[db].vendor
    if _whole_rows(db):
        seen: dict[tuple[int, Any], Any] = {}
        built = [_build_rows(plan, item, db, seen, shared=False) for item in items]
    else:
        built = [_build(plan, item, db, vendor) for item in items]
    return _in_order(built, rows.queryset)


def _prefetched(obj: models.Model, name: str, items: list[Any]) -> None:
    manager = getattr(obj, name)
    queryset = manager.get_queryset()  # lazy, scoped to obj: a later .filter() stays right
    queryset._result_cache = items
    queryset._prefetch_done = True
    cache_name = getattr(manager, "prefetch_cache_name", None)
    if cache_name is None:  # a reverse foreign key
        cache_name = manager.field.remote_field.cache_name
    if not hasattr(obj, "_prefetched_objects_cache"):
        obj._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    obj._prefetched_objects_cache[cache_name] = queryset  # type: ignore[attr-defined]


def _in_order(objects: list[Any], queryset: QuerySet[Any]) -> list[Any]:
    """JSON aggregation keeps the subquery's order in practice; sort again so it is certain."""
    query = queryset.query
    ordering = list(query.order_by) or (
        list(queryset.model._meta.ordering) if query.default_ordering else []
    )
    for key in reversed(ordering):
        if not isinstance(key, str) or "__" in key or key.lstrip("-?") == "?":
            return objects  # an ordering Python cannot repeat: keep the database's
        name = key.lstrip("-")
        attname = "pk" if name == "pk" else queryset.model._meta.get_field(name).attname
        if objects and attname != "pk" and attname not in objects[0].__dict__:
            return objects  # not fetched (``fields``): reading it would query each row
        objects.sort(key=functools.partial(_sort_key, attname=attname), reverse=key.startswith("-"))
    return objects


def _sort_key(obj: Any, attname: str) -> tuple[bool, Any]:
    value = getattr(obj, attname)
    return (value is not None, value)


def fetch(outer: QuerySet[Any], needs: Mapping[str, Rows]) -> dict[str, list[Any]]:
    """Every list of ``needs`` for the one row of ``outer``, in one query."""
    if not needs:
        return {}
    kind = WholeRows if _whole_rows(outer.db) else JSONRows
    plans = [_plan(rows) for rows in needs.values()]
    row = outer.values(
        **{
            f"_n{i}": kind(rows.queryset, plan)
            for i, (rows, plan) in enumerate(zip(needs.values(), plans, strict=True))
        }
    )
    found = row.first() or {}
    return {
        name: hydrate(rows, found.get(f"_n{i}"), outer.db, plans[i])
        for i, (name, rows) in enumerate(needs.items())
    }


def choice_needs(form: BaseForm, prefix: str) -> dict[str, Rows]:
    """The choices of a form's model-choice fields, to be fetched with the rest of a page."""
    return {
        f"{prefix}.{name}": Rows(formfield.queryset)
        for name, formfield in form.fields.items()
        if isinstance(formfield, ModelChoiceField) and formfield.queryset is not None
    }


def fill_choices(form: BaseForm, found: Mapping[str, list[Any]], prefix: str) -> None:
    """Give the form's widgets the fetched choices, so rendering it asks nothing more."""
    for name, formfield in form.fields.items():
        key = f"{prefix}.{name}"
        if key not in found or not isinstance(formfield, ModelChoiceField):
            continue
        choices: list[tuple[Any, Any]] = [
            (obj.pk, formfield.label_from_instance(obj)) for obj in found[key]
        ]
        if formfield.empty_label is not None:  # None on multiple choice fields
            choices.insert(0, ("", formfield.empty_label))
        formfield.widget.choices = choices
