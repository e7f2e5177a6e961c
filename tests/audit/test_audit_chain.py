import contextlib
import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from fazhi.audit.chain import verify
from fazhi.audit.models import AuditEntry, ChainHead
from fazhi.audit.services import purge_before, record


def write_entries(n):
    return [
        record("update", target_type="t.t", target_id=str(i), changes={"x": [i, i + 1]}) for i in range(n)
    ]


def raw(sql, params=()):
    """Tamper as a database superuser would: on PostgreSQL past the append-only trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")


def test_postgresql_itself_refuses_to_change_an_entry(db):
    if connection.vendor != "postgresql":
        pytest.skip("触发器只在 PostgreSQL 上")
    from django.db import DatabaseError, transaction

    entry = write_entries(1)[0]
    with pytest.raises(DatabaseError, match="只能追加"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'login' WHERE seq = %s", [entry.seq])
    with pytest.raises(DatabaseError, match="180"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = %s", [entry.seq])


def test_an_intact_chain_verifies(db):
    write_entries(5)
    assert verify() == []
    call_command("audit_verify")


def test_an_edited_entry_is_found(db):
    entries = write_entries(5)
    raw("UPDATE audit_auditentry SET changes = %s WHERE seq = %s", ['{"x": [0, 99]}', entries[2].seq])
    problems = verify()
    assert [p.seq for p in problems] == [entries[2].seq]
    assert "篡改" in problems[0].message
    with pytest.raises(CommandError, match="1 处问题"):
        call_command("audit_verify")


def test_a_deleted_entry_is_found(db):
    entries = write_entries(5)
    raw("DELETE FROM audit_auditentry WHERE seq = %s", [entries[1].seq])
    messages = [p.message for p in verify()]
    assert any("缺失" in m for m in messages)


def test_a_removed_last_entry_is_found(db):
    entries = write_entries(3)
    raw("DELETE FROM audit_auditentry WHERE seq = %s", [entries[-1].seq])
    assert any("链尾" in p.message and "被删除" in p.message for p in verify())


def test_an_inserted_entry_is_found(db):
    entries = write_entries(3)
    forged = AuditEntry(
        seq=entries[-1].seq + 1, at=timezone.now(), action="delete", prev_hash=entries[-1].hash, hash="f" * 64
    )
    forged.save(force_insert=True)
    assert [p.seq for p in verify()] == [forged.seq, forged.seq]  # bad hash, and the head does not know it


def test_entries_cannot_be_changed_or_deleted_through_the_orm(db):
    entry = write_entries(1)[0]
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_purge_keeps_180_days_and_the_chain_still_verifies(db):
    entries = write_entries(4)
    old = timezone.now() - datetime.timedelta(days=400)
    raw("UPDATE audit_auditentry SET at = %s WHERE seq <= %s", [old, entries[1].seq])
    # Re-hash is not possible for old rows, so purge them: the chain re-anchors at the last purged entry.
    with pytest.raises(ValueError, match="180"):
        purge_before(timezone.now() - datetime.timedelta(days=10))
    assert purge_before(timezone.now() - datetime.timedelta(days=200)) == 2
    assert ChainHead.objects.get().anchor_seq == entries[1].seq
    assert verify() == []


def test_a_change_whose_entry_fails_never_commits_without_it(db, monkeypatch):
    """The entry has no savepoint of its own: a caller that catches the failure still cannot keep the change."""
    from django.contrib.sessions.models import Session
    from django.db import DatabaseError, transaction

    def refuse(*args, **kwargs):
        raise DatabaseError("磁盘已满")

    monkeypatch.setattr(AuditEntry, "save", refuse)
    with transaction.atomic():
        # a change of a table the audit does not watch itself, then its entry written by hand
        Session.objects.create(session_key="k" * 32, session_data="", expire_date=timezone.now())
        with contextlib.suppress(DatabaseError):  # a careless caller going on as if nothing happened
            record("update", target_type="sessions.session", target_id="k" * 32)
    assert not Session.objects.filter(session_key="k" * 32).exists()
    assert not ChainHead.objects.filter(seq__gt=0).exists()
