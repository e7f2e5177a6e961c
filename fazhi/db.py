"""Database details kept in one place so the rest of the code stays portable to PostgreSQL-compatible
domestic databases (信创: 达梦, 人大金仓, 瀚高 … through their Django backends).

Query-planner statistics after bulk writes: SQLite keeps no statistics until ANALYZE runs; without them it
picks the status index for a list ordered by date and sorts every matching row (59 ms instead of 25 ms for
the demo's disputes, and far worse at a million rows). PostgreSQL's autovacuum analyzes eventually; running
it at once after a bulk load makes the next queries right from the start. Other databases keep their own
statistics (a bare ANALYZE is not their syntax), so they are left to it.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FullResultSet, MultipleObjectsReturned
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, router

BULK_ROWS = 1000  # fewer new rows than this do not change a plan
ANALYZE_VENDORS = {"sqlite", "postgresql"}


def tune_session(sender, connection, **kwargs) -> None:
    """Connected to ``connection_created`` (fazhi.ledger.apps). PostgreSQL compiles a query with JIT once its
    estimated cost passes jit_above_cost: the figures' one aggregate query per ledger (a filtered count per
    figure, EXISTS sub-plans) is estimated far above it and spent 300 ms compiling for 10 ms of work (bench
    figures_vs_sql at full size). Nothing this product runs is the long analytic scan JIT pays off for. A
    PostgreSQL-compatible database without the setting refuses it; in autocommit that changes nothing.

    ``random_page_cost`` (settings.FAZHI_PG_RANDOM_PAGE_COST, 1.1 for the solid-state disks servers have):
    PostgreSQL's default of 4 prices a random read as on a spinning disk, so a 街道's rows of a large table
    (its petitions among a district's) were read by scanning the whole table instead of its (unit, date)
    index: 60 ms against 14 ms for one dashboard figure query at full size."""
    if connection.vendor != "postgresql":
        return
    for statement in ("SET jit = off", f"SET random_page_cost = {float(settings.FAZHI_PG_RANDOM_PAGE_COST)}"):
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        except DatabaseError:
            pass


def refresh_planner_statistics() -> None:
    if connection.vendor not in ANALYZE_VENDORS:
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def locked_row(queryset):
    """The one row ``queryset`` names (a unique key or a one-row table), locked to the end of the
    transaction, or None. Not ``select_for_update().first()``: its ORDER BY … LIMIT 1 FOR UPDATE is refused
    by some compatible databases' backends (达梦's among them)."""
    rows = list(queryset.select_for_update())
    if len(rows) > 1:
        raise MultipleObjectsReturned(f"{queryset.model.__name__}: 应只有一行，查到 {len(rows)} 行")
    return rows[0] if rows else None


# --- a read replica for dashboards and exports ---------------------------------------------------------
# With FAZHI_REPLICA_URL set (settings add the "replica" alias), the pages that only read much — the
# figures dashboards and the Excel exports — read from a PostgreSQL streaming replica, so a district's
# year-end exports do not slow the 街道's daily entry. Everything else, and anything inside a transaction
# (an export's audit entry, a locked read), stays on the primary: a replica lags by a moment and refuses
# writes and locks.

REPLICA = "replica"
_replica_reads: ContextVar[bool] = ContextVar("fazhi_replica_reads", default=False)


@contextmanager
def replica_reads():
    """Reads inside go to the replica, when one is configured."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def reads_from_replica(view):
    """A view whose reads go to the replica (see replica_reads)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _replica_reads.get() or REPLICA not in connections.settings:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None
        return REPLICA

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data either way

    def allow_migrate(self, db, app_label, **hints):
        return db != REPLICA  # the replica follows the primary's migrations by replication


# --- small queries of a fixed shape, their SQL built once ----------------------------------------------


def compile_rows(queryset, alias: str) -> tuple[str, list, dict] | None:
    """A ``values_list`` queryset's SQL and parameters, with the converters the ORM's iteration applies to
    its columns; None when the ORM would answer it without the database (an empty ``IN`` list …)."""
    compiler = queryset.query.get_compiler(alias)
    try:
        sql, params = compiler.as_sql()
    except (EmptyResultSet, FullResultSet):
        return None
    fields = [column[0] for column in compiler.select[: compiler.col_count]]
    return sql, list(params), compiler.get_converters(fields)


def fetch_converted(alias: str, sql: str, params, converters: dict) -> list[list]:
    """Run SQL the ORM compiled earlier and convert each row's values as the ORM's own iteration would
    (``converters`` as ``SQLCompiler.get_converters`` gives them): the one way a kept query is run, here and
    for the figures (``fazhi.figures.aggregate``)."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [list(row) for row in cursor.fetchall()]
    for row in rows:
        for position, (functions, expression) in converters.items():
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
    return rows


class KeptQuery:
    """A ``values_list`` query of a fixed shape whose SQL the ORM builds once per database and process,
    then run with each call's values, each column converted as the ORM converts it.

    Why: building and compiling a small query costs the ORM more than the database spends answering it;
    the API token's lookup paid that on every request (issue 21). ``build(*stand_ins)`` returns the
    queryset; each stand-in must reach the SQL as exactly one parameter of its own, which is checked when
    it is first built: a query that does otherwise is left to the ORM on every call, with the same rows.
    The database is the router's for reading, as the ORM's would be."""

    def __init__(self, build, *stand_ins):
        self.build, self.stand_ins = build, stand_ins
        self.model = build(*stand_ins).model
        self.kept: dict[str, tuple | None] = {}

    def rows(self, *values) -> list[tuple]:
        alias = router.db_for_read(self.model)
        if alias not in self.kept:
            self.kept[alias] = self._compile(alias)
        kept = self.kept[alias]
        if kept is None:
            return list(self.build(*values).using(alias))
        sql, slots, converters = kept
        params = [values[slot] if type(slot) is int else slot[0] for slot in slots]
        return [tuple(row) for row in fetch_converted(alias, sql, params, converters)]

    def _compile(self, alias):
        compiled = compile_rows(self.build(*self.stand_ins), alias)
        if compiled is None:
            return None
        sql, params, converters = compiled
        # per parameter: the index of the call's value it stands for, or (the constant,)
        slots = [
            next((i for i, s in enumerate(self.stand_ins) if type(p) is type(s) and p == s), (p,))
            for p in params
        ]
        if sorted(slot for slot in slots if type(slot) is int) != list(range(len(self.stand_ins))):
            return None
        return sql, slots, converters
