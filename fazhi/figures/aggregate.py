"""The tallies of one ledger model and unit field, for some periods: one conditional-aggregate query,
its SQL built by the ORM once per process and then run with the organisations and dates of each call.

Why: building that query (a filtered Count or Sum per figure and period) costs the ORM some milliseconds per
model, more than the database spends answering it for a 街道-year; the figures of a dashboard or a report
paid it on every request (issue 21). The query is compiled with stand-in values — a marker subquery for the
organisations and dates of year 1 for the periods' bounds — and each stand-in parameter is replaced by the
call's value when it runs. The Django converters of the aggregates are applied as ``aggregate()`` applies
them, so the numbers are the same as the ORM's (``tests/figures/test_tally.py``).

A group whose query the ORM would not build as one plain aggregate (a subquery around it, an always-empty
condition) is answered by ``aggregate()`` each time, as before.

The few figures computed by functions (the disclosure report's table 四, 上年结转, 现行有效, the 驿站) run their
own queries the same way, through :class:`Precompiled`.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL

from fazhi.db import compile_rows, fetch_converted
from fazhi.orgs.models import Organisation

from . import registry

ORGS_MARKER = "SELECT 'fazhi:figures:orgs'"
# Stand-in bounds: period i runs from day 2i to day 2i+1 of year 1, a date no ledger row carries.
FIRST_DAY = datetime.date(1, 1, 1)
PLACEHOLDER = re.compile(r"%[%s]")
# How a stand-in-derived day reaches SQLite's parameters (a date in the years 1–9).
MADE_UP_DAY = re.compile(r"000[1-9]-\d\d-\d\d")
MAX_CACHED = 2000


def stand_in(index: int) -> tuple[datetime.date, datetime.date]:
    start = FIRST_DAY + datetime.timedelta(days=2 * index)
    return start, start + datetime.timedelta(days=1)


@dataclass(frozen=True)
class Compiled:
    before: str  # the SQL up to the organisations' subquery …
    after: str  # … and after it
    split: int  # how many parameters come before the subquery
    slots: tuple  # per parameter: (period index, 0 start / 1 end), or ("value", the constant)
    aliases: tuple[str, ...]  # the aggregate's names; empty for a query of rows
    converters: dict  # result position -> (converters, expression), as the SQL compiler gives them


class _Captured(Exception):
    pass


_cache: dict[tuple, Compiled | None] = {}
_lock = threading.Lock()


class Orgs:
    """The organisations a call counts for, as the SQL of a subquery (built once per call and database)."""

    def __init__(self, orgs):
        if not isinstance(orgs, QuerySet):
            orgs = Organisation.objects.filter(pk__in=[getattr(o, "pk", o) for o in orgs])
        self.queryset = orgs.values_list("pk", flat=True).order_by()
        self.built: dict[str, tuple | None] = {}

    @classmethod
    def of(cls, orgs) -> Orgs:
        """The same object for every figure of a batch: kept on the batch's unit queryset (its SQL is then
        built once, whichever tallies and function figures read it)."""
        if isinstance(orgs, cls):
            return orgs
        made = getattr(orgs, "_figures_orgs", None)
        if made is None:
            made = cls(orgs)
            if isinstance(orgs, QuerySet):
                orgs._figures_orgs = made
        return made

    def sql(self, alias: str) -> tuple | None:
        if alias not in self.built:
            try:
                self.built[alias] = self.queryset.query.get_compiler(alias).as_sql()
            except EmptyResultSet:
                self.built[alias] = None  # no organisation: left to aggregate()
        return self.built[alias]


def tallies(members, orgs: Orgs, periods) -> dict[str, object] | None:
    """{f"f{n}_{i}": raw aggregate of member n over period i} in one query, or None when this group is
    not compiled (the caller then asks ``aggregate()``)."""
    tally = members[0].tally
    alias = tally.model._default_manager.db
    # A condition depending on today (a function) is part of the key: its SQL holds today's date.
    today_conditions = tuple(fig.tally.condition() for fig in members if callable(fig.tally.where))
    key = (alias, tally.group, tuple(fig.code for fig in members), len(periods), today_conditions)
    if key not in _cache:
        compiled = _compile(members, len(periods), alias)
        with _lock:
            if len(_cache) > MAX_CACHED:  # yesterday's conditions, periods of odd lengths: build again
                _cache.clear()
            _cache[key] = compiled
    compiled = _cache[key]
    built = orgs.sql(alias)
    if compiled is None or built is None:
        return None
    bounds = [(period.start, period.end) for period in periods]
    # the rows' filter: one range from the earliest start to the latest end (registry.span), the last slot
    bounds.append((min(period.start for period in periods), max(period.end for period in periods)))
    row = _execute(compiled, alias, built, bounds)[0]
    return dict(zip(compiled.aliases, row, strict=True))


def _adapt(alias, day):
    if _is_whole_number(day):  # a year (Precompiled by_year)
        return day
    return connections[alias].ops.adapt_datefield_value(day)


def _compile(members, count: int, alias) -> Compiled | None:
    """Build the group's query with stand-ins and keep its SQL; None when it is not one plain aggregate."""
    tally = members[0].tally
    # The periods' stand-ins, then one pair for the rows' filter (its range is the periods' at run time).
    bounds = [stand_in(i) for i in range(count + 1)]
    terms = {
        f"f{n}_{i}": fig.tally.aggregate(start, end)
        for n, fig in enumerate(members)
        for i, (start, end) in enumerate(bounds[:count])
    }
    queryset = tally.rows(RawSQL(ORGS_MARKER, ())).filter(registry.span(members, bounds[count:]))
    compiled = _compile_aggregate(queryset, terms, _date_keys(alias, bounds), alias)
    if compiled is not None and {s for s in compiled.slots if s[0] != "value"} != _bound_slots(bounds):
        return None  # a bound did not reach the SQL as a plain parameter
    return compiled


def _bound_slots(bounds) -> set:
    return {(i, side) for i in range(len(bounds)) for side in (0, 1)}


def _compile_aggregate(queryset, terms, keys, alias) -> Compiled | None:
    """``queryset.aggregate(**terms)``'s SQL, caught as the ORM is about to run it."""
    query = queryset.query.chain()
    captured: dict = {}
    make_compiler = query.get_compiler

    def get_compiler(using=None, connection=None, elide_empty=True):
        compiler = make_compiler(using, connection, elide_empty)

        def execute_sql(*args, **kwargs):
            captured["sql"], captured["params"] = compiler.as_sql()
            captured["converters"] = compiler.get_converters(query.annotation_select.values())
            captured["aliases"] = tuple(query.annotation_select)
            raise _Captured

        compiler.execute_sql = execute_sql
        return compiler

    query.get_compiler = get_compiler  # only this query's: the aggregate is built on it, not run
    try:
        query.get_aggregation(alias, terms)
    except _Captured:
        pass
    except (EmptyResultSet, FullResultSet):
        return None
    if not captured:
        return None
    return _split(captured["sql"], captured["params"], captured["aliases"], captured["converters"], keys)


def _compile_rows(queryset, keys, alias) -> Compiled | None:
    """A values_list queryset's SQL, with the converters ``results_iter`` would apply to its columns."""
    compiled = compile_rows(queryset, alias)
    if compiled is None:
        return None
    sql, params, converters = compiled
    return _split(sql, params, (), converters, keys)  # rows: no aliases (an aggregate names its values)


def _date_keys(alias, bounds) -> dict:
    """{a stand-in bound as the database receives it: (period index, 0 start / 1 end)}."""
    return _keys([(_adapt(alias, start), _adapt(alias, end)) for start, end in bounds])


def _keys(bounds) -> dict:
    """Keyed by :func:`_key`: a stand-in year 5 is not the decimal 5 of some condition."""
    keys = {}
    for i, (start, end) in enumerate(bounds):
        keys[_key(start)] = (i, 0)
        keys[_key(end)] = (i, 1)
    return keys


def _is_whole_number(value) -> bool:
    # psycopg hands a small integer field's value over wrapped (Int2, a subclass of int)
    return isinstance(value, int) and not isinstance(value, bool)


def _key(value) -> tuple:
    return (int, int(value)) if _is_whole_number(value) else (type(value), value)


def _split(sql, params, aliases, converters, keys) -> Compiled | None:
    """The SQL around the organisations' marker, each parameter mapped to the stand-in bound it holds."""
    if sql.count(ORGS_MARKER) != 1:
        return None  # run through a subquery (AggregateQuery), or the units not read: left to the ORM
    slots = tuple(keys.get(_key(p), ("value", p)) if _hashable(p) else ("value", p) for p in params)
    years = any(kind is int for kind, _ in keys)
    if any(slot[0] == "value" and _looks_made_up(slot[1], years) for slot in slots):
        return None  # a date computed from a stand-in (a day before the period …) would be kept as it is
    before, after = sql.split(ORGS_MARKER)
    split = sum(1 for mark in PLACEHOLDER.findall(before) if mark == "%s")
    return Compiled(before, after, split, slots, aliases, converters)


def _looks_made_up(value, years: bool) -> bool:
    """A constant derived from a stand-in: a date of the years 1–9, or, where the stand-ins are years, a
    year 1–9 (a stand-in year moved: the year before …)."""
    if years and _is_whole_number(value):
        return 1 <= value < 10
    if isinstance(value, datetime.date):
        return value.year < 10
    return isinstance(value, str) and MADE_UP_DAY.match(value) is not None


def _execute(compiled: Compiled, alias: str, org_sql: tuple, bounds) -> list[list]:
    """Run the kept SQL with the call's units and bounds; each row's values converted as the ORM would."""
    org_query, org_params = org_sql
    adapted = [(_adapt(alias, start), _adapt(alias, end)) for start, end in bounds]  # years pass as they are
    params = [slot[1] if slot[0] == "value" else adapted[slot[0]][slot[1]] for slot in compiled.slots]
    params[compiled.split : compiled.split] = org_params
    return fetch_converted(alias, compiled.before + org_query + compiled.after, params, compiled.converters)


class Precompiled:
    """A function figure's own query, its SQL built by the ORM once per process as the tallies' is (the
    figures' form of ``fazhi.db.KeptQuery``: the units come in as a subquery, the dates as bounds).

    ``build(orgs, start, end)`` returns a ``values_list`` queryset (the call answers its rows as tuples) or
    ``(queryset, {alias: aggregate})`` (the call answers the aggregate's dict). It must filter the units by
    ``orgs`` and use the dates only as they are, as plain bounds: a query that does otherwise is found
    out when it is first built and is then left to the ORM on each call, with the same result.

    ``by_year``: the query reads the period only as its years, ``start.year`` and ``end.year``, each as a
    plain bound (rows kept per year: training hours, hand-entered values)."""

    # Mid-year 5, far from year 1's edge: a date a query moves off the stand-in stays a date, and shows;
    # by year, the stand-ins are the years 5 and 7, and a year moved off them (4, 6 …) shows too.
    STAND_INS = (datetime.date(5, 6, 1), datetime.date(5, 6, 2))
    YEAR_STAND_INS = (datetime.date(5, 6, 1), datetime.date(7, 6, 1))

    def __init__(self, build: Callable, *, by_year: bool = False):
        self.build, self.by_year = build, by_year
        self.model = None
        self._compiled: dict[str, Compiled | None] = {}

    def __call__(self, orgs, start, end):
        alias = self.model._default_manager.db if self.model is not None else None
        if alias not in self._compiled:
            first, last = self.YEAR_STAND_INS if self.by_year else self.STAND_INS
            built = self.build(RawSQL(ORGS_MARKER, ()), first, last)
            queryset, terms = built if isinstance(built, tuple) else (built, None)
            self.model, alias = queryset.model, queryset.db
            bounds = [(first.year, last.year)] if self.by_year else [(first, last)]
            keys = _date_keys(alias, bounds)
            if terms is None:
                compiled = _compile_rows(queryset, keys, alias)
            else:
                compiled = _compile_aggregate(queryset.order_by(), terms, keys, alias)
            self._compiled[alias] = compiled
        compiled, org_sql = self._compiled[alias], Orgs.of(orgs).sql(alias)
        if compiled is None or org_sql is None:
            return self._by_the_orm(orgs, start, end)
        bounds = [(start.year, end.year)] if self.by_year else [(start, end)]
        rows = _execute(compiled, alias, org_sql, bounds)
        if compiled.aliases:  # an aggregate: one row of named values
            return dict(zip(compiled.aliases, rows[0], strict=True))
        return [tuple(row) for row in rows]

    def _by_the_orm(self, orgs, start, end):
        built = self.build(orgs, start, end)
        if isinstance(built, tuple):
            return built[0].aggregate(**built[1])
        return list(built)


def counted_by(rows: Callable, *fields: str, order: tuple[str, ...] = ()) -> Precompiled:
    """The rows ``rows(orgs, start, end)`` gives, counted by ``fields``: [(*values, n), …] in ``order``
    (of the fields and ``"n"``/``"-n"``; none: as the database groups them) — a breakdown's query."""
    return Precompiled(
        lambda orgs, start, end: (
            rows(orgs, start, end).values_list(*fields).annotate(n=Count("pk")).order_by(*order)
        )
    )


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
