"""SQL that PostgreSQL-compatible domestic databases (达梦, 人大金仓 …) refuse stays out of the code:
no ``ORDER BY … LIMIT … FOR UPDATE`` (``select_for_update().first()``), no bare ANALYZE outside SQLite and
PostgreSQL."""

import ast
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from fazhi import db
from fazhi.audit.models import Action, AuditEntry
from fazhi.audit.services import record

ROOT = Path(__file__).resolve().parents[1] / "fazhi"


def _chain(node: ast.AST) -> list[str]:
    """The method names of a call chain, outermost first: a.b().c().first() → [first, c, b]."""
    names = []
    while isinstance(node, ast.Call | ast.Attribute | ast.Subscript):
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
        node = node.func if isinstance(node, ast.Call) else node.value
    return names


def test_no_locked_query_takes_first_last_or_a_slice():
    found = []
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call | ast.Subscript) and "select_for_update" in _chain(node):
                outer = _chain(node)[0] if isinstance(node, ast.Call) else "[]"
                if outer in {"first", "last", "[]"} or isinstance(node, ast.Subscript):
                    found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert not found, f"select_for_update() with first()/last()/a slice: {found}"


@pytest.mark.django_db(transaction=True)
def test_the_audit_chain_locks_its_head_without_an_ordered_limit():
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        record(Action.UPDATE, target_type="test.thing", target_id="1", target_repr="一")
    locking = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"].upper()]
    if connection.vendor == "postgresql":
        assert locking, "the chain head is read FOR UPDATE"
    # get() adds its own LIMIT 21, which is fine; first()'s ORDER BY … LIMIT 1 FOR UPDATE is not.
    assert all("ORDER BY" not in sql.upper() for sql in locking), locking
    assert AuditEntry.objects.filter(target_repr="一").exists()


def test_analyze_only_where_it_is_the_syntax(monkeypatch):
    ran = []

    class Cursor:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def execute(self, sql):
            ran.append(sql)

    monkeypatch.setattr(db, "connection", type("C", (), {"vendor": "dm", "cursor": lambda self: Cursor()})())
    db.refresh_planner_statistics()
    assert ran == []
    monkeypatch.setattr(
        db, "connection", type("C", (), {"vendor": "postgresql", "cursor": lambda self: Cursor()})()
    )
    db.refresh_planner_statistics()
    assert ran == ["ANALYZE"]


@pytest.mark.django_db
def test_postgresql_sessions_run_without_jit():
    """The figures' aggregate queries spent 300 ms in PostgreSQL's JIT for 10 ms of work (fazhi.db.tune_session)."""
    if connection.vendor != "postgresql":
        pytest.skip("只有 PostgreSQL 有 JIT")
    fresh = connections.create_connection("default")  # a new session: connection_created runs for it
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
    finally:
        fresh.close()


def test_a_database_refusing_the_setting_is_left_as_it_is():
    class Refusing:
        vendor = "postgresql"

        def cursor(self):
            raise db.DatabaseError('unrecognized configuration parameter "jit"')

    db.tune_session(None, Refusing())  # no error: a PostgreSQL-compatible database without JIT still connects
    db.tune_session(None, type("Other", (), {"vendor": "sqlite"})())  # not asked of other databases
