"""The chain is keyed (HMAC-SM3, key outside the database): a history forged and re-hashed does not verify,
every field of an entry is covered, and each link must point at the previous hash."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone

from fazhi.audit.chain import content_of, legacy_link_hash, link_hash, verify
from fazhi.audit.checkpoint import read_checkpoint
from fazhi.audit.models import Action, AuditEntry, ChainHead
from fazhi.audit.services import purge_before, record, seal_legacy_chain

OTHER_KEY = "ab" * 32


def write_entries(n, **extra):
    return [
        record("update", target_type="t.t", target_id=str(i), changes={"x": [i, i + 1]}, **extra)
        for i in range(n)
    ]


def raw(sql, params=()):
    """Write as a database superuser would: on PostgreSQL past the append-only and TRUNCATE triggers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")


def rehash_from(seq, hasher):
    """Recompute every hash from ``seq`` on with ``hasher`` and move the head: a forger's clean-up."""
    prev = AuditEntry.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    for entry in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        entry.prev_hash = prev
        prev = hasher(prev, entry)
        raw(
            "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE seq = %s",
            [entry.prev_hash, prev, entry.seq],
        )
    last = AuditEntry.objects.order_by("-seq").first()
    raw("UPDATE audit_chainhead SET seq = %s, hash = %s", [last.seq, last.hash])


def test_new_entries_carry_the_keyed_hash(db):
    entry = write_entries(1)[0]
    assert entry.hash == link_hash(entry.prev_hash, entry)
    assert entry.hash != legacy_link_hash(entry.prev_hash, entry)


def test_a_history_rewritten_and_rehashed_without_the_key_is_found(db):
    entries = write_entries(5)
    raw("UPDATE audit_auditentry SET changes = %s WHERE seq = %s", ['{"x": [0, 99]}', entries[2].seq])
    rehash_from(entries[2].seq, legacy_link_hash)
    problems = verify()
    assert {p.seq for p in problems} >= {entries[2].seq, entries[4].seq}
    assert any("旧算法" in p.message for p in problems)
    with pytest.raises(CommandError, match="未通过"):
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())


def test_a_history_rehashed_with_another_key_is_found(db):
    entries = write_entries(4)
    raw("UPDATE audit_auditentry SET actor_name = %s WHERE seq = %s", ["伪造者", entries[1].seq])
    with override_settings(FAZHI_AUDIT_KEY=OTHER_KEY):
        rehash_from(entries[1].seq, link_hash)
    assert [p.seq for p in verify()] == [e.seq for e in entries[1:]]


def test_a_whole_chain_rebuilt_without_the_key_is_found(db):
    write_entries(3)
    rehash_from(1, legacy_link_hash)
    assert any("没有一条带密钥" in p.message for p in verify())


# Each field an entry holds, and a value to change it to: the hash must cover every one of them.
FIELDS = [
    ("at", "2001-01-01 00:00:00+00"),
    ("actor_name", "别人"),
    ("action", "delete"),
    ("target_type", "x.y"),
    ("target_id", "999"),
    ("target_repr", "改过的对象"),
    ("org_id", 424242),
    ("changes", '{"x": [0, 1]}'),
]


@pytest.mark.parametrize(("column", "value"), FIELDS, ids=[f[0] for f in FIELDS])
def test_the_hash_covers_every_field(db, column, value):
    entries = write_entries(3, target_repr="原对象", org_id=7)
    raw(f"UPDATE audit_auditentry SET {column} = %s WHERE seq = %s", [value, entries[1].seq])
    assert [p.seq for p in verify()] == [entries[1].seq]


def test_the_hash_covers_the_actor(db, django_user_model):
    someone = django_user_model.objects.create_user(username="someone")
    other = django_user_model.objects.create_user(username="other")
    entries = [record("update", actor=someone, target_type="t.t") for _ in range(3)]
    raw("UPDATE audit_auditentry SET actor_id = %s WHERE seq = %s", [other.pk, entries[1].seq])
    assert [p.seq for p in verify()] == [entries[1].seq]


def test_the_hash_covers_the_sequence_number(db):
    entries = write_entries(3)
    entry = AuditEntry.objects.get(seq=entries[2].seq)
    entry.seq = entries[2].seq + 5
    assert link_hash(entry.prev_hash, entry) != entries[2].hash
    assert json.loads(content_of(entry))["seq"] == entry.seq


def test_each_link_must_point_at_the_previous_hash(db):
    """An entry whose own hash is right (made with the key) but which follows another chain is found."""
    entries = write_entries(3)
    stray = AuditEntry.objects.get(seq=entries[1].seq)
    stray.prev_hash = "1" * 64
    raw(
        "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE seq = %s",
        [stray.prev_hash, link_hash(stray.prev_hash, stray), stray.seq],
    )
    problems = verify()
    assert [p.seq for p in problems if "不衔接" in p.message] == [entries[1].seq, entries[2].seq]


# --- upgrade: entries written before the key ------------------------------------------------------


def legacy_entries(n):
    """Entries as the unkeyed version wrote them (plain SM3), with the head following them."""
    head = ChainHead.objects.create(seq=0, hash="0" * 64)
    prev = head.hash
    for seq in range(1, n + 1):
        entry = AuditEntry(
            seq=seq, at=timezone.now(), actor_name="系统", action="update", target_type="t.t", prev_hash=prev
        )
        entry.hash = prev = legacy_link_hash(prev, entry)
        entry.save(force_insert=True)
    ChainHead.objects.filter(pk=head.pk).update(seq=n, hash=prev)


def test_an_upgraded_chain_verifies_and_its_old_part_is_sealed(db):
    legacy_entries(4)
    assert any("没有一条带密钥" in p.message for p in verify())  # before the upgrade's seal
    seal = seal_legacy_chain()
    assert seal.action == Action.CHECKPOINT and seal.changes["sealed_through"] == [None, 4]
    assert seal_legacy_chain() is None  # once only
    write_entries(2)
    assert verify() == []
    # A forger rewrites an old entry and re-hashes the old part with SM3: the keyed seal no longer follows.
    raw("UPDATE audit_auditentry SET target_repr = %s WHERE seq = 2", ["伪造"])
    prev = AuditEntry.objects.get(seq=1).hash
    for entry in AuditEntry.objects.filter(seq__in=[2, 3, 4]).order_by("seq"):
        entry.prev_hash = prev
        prev = legacy_link_hash(prev, entry)
        raw(
            "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE seq = %s",
            [entry.prev_hash, prev, entry.seq],
        )
    assert [p.seq for p in verify()] == [seal.seq]


def test_an_unkeyed_entry_after_the_keyed_ones_is_forged(db):
    legacy_entries(2)
    seal_legacy_chain()
    head = ChainHead.objects.get()
    forged = AuditEntry(
        seq=head.seq + 1, at=timezone.now(), action="delete", target_type="t.t", prev_hash=head.hash
    )
    forged.hash = legacy_link_hash(head.hash, forged)
    forged.save(force_insert=True)
    raw("UPDATE audit_chainhead SET seq = %s, hash = %s", [forged.seq, forged.hash])
    assert [p.seq for p in verify()] == [forged.seq]


# --- truncation and checkpoints -------------------------------------------------------------------


def test_a_head_moved_past_a_truncated_trail_is_found(db):
    write_entries(3)
    raw("DELETE FROM audit_auditentry")
    raw("UPDATE audit_chainhead SET anchor_seq = seq, anchor_hash = hash")
    assert any("没有对应的清理记录" in p.message for p in verify())


def test_a_real_purge_still_verifies(db):
    entries = write_entries(3)
    raw(
        "UPDATE audit_auditentry SET at = %s WHERE seq = %s",
        [timezone.now() - timezone.timedelta(days=400), 1],
    )
    assert purge_before(timezone.now() - timezone.timedelta(days=200)) == 1
    assert ChainHead.objects.get().anchor_seq == entries[0].seq
    assert verify() == []


def checkpoint(settings):
    out = io.StringIO()
    call_command("audit_checkpoint", stdout=out)
    files = sorted(settings.FAZHI_AUDIT_CHECKPOINT_DIR.glob("*.json"))
    assert len(files) == 1 and "已写入审计检查点" in out.getvalue()
    return files[0]


def test_a_checkpoint_names_its_own_entry_and_verifies(db, settings):
    write_entries(2)
    path = checkpoint(settings)
    body = read_checkpoint(path)
    assert AuditEntry.objects.get(seq=body["seq"]).action == Action.CHECKPOINT
    write_entries(2)
    out = io.StringIO()
    call_command("audit_verify", stdout=out)
    assert "与检查点" in out.getvalue() and "核对一致" in out.getvalue()


def test_a_truncated_trail_is_found_by_the_checkpoint(db, settings):
    write_entries(3)
    checkpoint(settings)
    raw("DELETE FROM audit_auditentry")  # on PostgreSQL: the TRUNCATE of a superuser past the trigger
    raw("DELETE FROM audit_chainhead")
    assert verify() == []  # the chain alone cannot tell: nothing is left to check
    err = io.StringIO()
    with pytest.raises(CommandError, match="未通过"):
        call_command("audit_verify", stdout=io.StringIO(), stderr=err)
    assert "已不存在" in err.getvalue() and "截断" in err.getvalue()


def test_a_rolled_back_tail_is_found_by_the_checkpoint(db, settings):
    entries = write_entries(3)
    path = checkpoint(settings)
    raw("DELETE FROM audit_auditentry WHERE seq > %s", [entries[1].seq])
    raw("UPDATE audit_chainhead SET seq = %s, hash = %s", [entries[1].seq, entries[1].hash])
    assert verify() == []
    with pytest.raises(CommandError, match="未通过"):
        call_command("audit_verify", checkpoint=path, stdout=io.StringIO(), stderr=io.StringIO())


def test_a_changed_checkpoint_file_is_refused(db, settings):
    write_entries(1)
    path = checkpoint(settings)
    body = json.loads(path.read_text())
    body["seq"] = 1
    path.write_text(json.dumps(body))
    with pytest.raises(CommandError, match="签名不符"):
        call_command("audit_verify", stdout=io.StringIO(), stderr=io.StringIO())


def test_no_checkpoint_is_said(db):
    write_entries(1)
    out = io.StringIO()
    call_command("audit_verify", stdout=out)
    assert "没有审计检查点" in out.getvalue()


@pytest.mark.postgres
def test_postgresql_refuses_to_truncate_the_trail(db):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE 触发器只在 PostgreSQL 上；SQLite 上由审计检查点发现清空")
    write_entries(2)
    for table in ("audit_auditentry", "audit_chainhead"):
        with (
            pytest.raises(DatabaseError, match="TRUNCATE"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("SET LOCAL fazhi.sanctioned_truncate = 'off'")
            cursor.execute(f"TRUNCATE {table}")
    assert AuditEntry.objects.count() == 2
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's own writes are still in its transaction
        cursor.execute("SET LOCAL fazhi.sanctioned_truncate = 'on'")  # what fazhi restore does
        cursor.execute("TRUNCATE audit_auditentry, audit_chainhead")
    assert not AuditEntry.objects.exists()
