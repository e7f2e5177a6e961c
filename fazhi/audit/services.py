"""The one way audit entries are written: inside the caller's transaction, chained."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from fazhi.dates import cn_date
from fazhi.db import locked_row

from .chain import GENESIS, link_hash
from .context import current_actor
from .models import Action, AuditEntry, ChainHead

RETENTION_DAYS = 180  # 网络安全法 第二十一条: at least six months


def _label(instance) -> str:
    return instance._meta.label_lower


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


def snapshot(instance, fields: Iterable[str] | None = None) -> dict:
    """Field values of a model instance as JSON-able values, for a before/after diff."""
    names = fields or [f.attname for f in instance._meta.concrete_fields if f.attname not in ("id",)]
    return {name: _plain(getattr(instance, name)) for name in names}


def diff(before: dict, after: dict) -> dict:
    return {
        k: [before.get(k), after.get(k)]
        for k in after.keys() | before.keys()
        if before.get(k) != after.get(k)
    }


def record(
    action: str,
    *,
    actor=None,
    target=None,
    target_type: str = "",
    target_id: str = "",
    target_repr: str = "",
    org_id: int | None = None,
    changes: dict | None = None,
) -> AuditEntry:
    """Append an entry. Must run in the transaction of the change it describes."""
    actor = actor if actor is not None else current_actor()
    if target is not None:
        target_type = target_type or _label(target)
        target_id = target_id or str(target.pk)
        target_repr = target_repr or str(target)[:200]
        if org_id is None:
            org_id = getattr(target, "org_id", None)
    # No savepoint of its own inside the change's transaction (two statements fewer for every entry): should the
    # entry fail, the whole change must roll back with it, never commit without its entry.
    with transaction.atomic(savepoint=False):
        head = locked_row(ChainHead.objects.all())
        if head is None:
            head = ChainHead.objects.create(seq=0, hash=GENESIS)
            head = ChainHead.objects.select_for_update().get(pk=head.pk)
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=(str(actor) if getattr(actor, "pk", None) else "系统")[:150],
            action=action,
            target_type=target_type,
            target_id=target_id,
            target_repr=target_repr[:200],
            org_id=org_id,
            changes=changes or {},
            prev_hash=head.hash,
        )
        entry.hash = link_hash(head.hash, entry)
        entry.save(force_insert=True)
        ChainHead.objects.filter(pk=head.pk).update(seq=entry.seq, hash=entry.hash)
    return entry


def purge_before(cutoff: datetime.datetime, *, actor=None) -> int:
    """Remove entries older than cutoff (never younger than the retention period); re-anchor the chain."""
    limit = timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
    if cutoff > limit:
        raise ValueError(f"审计日志至少保存 {RETENTION_DAYS} 天，只能清理 {cn_date(limit)} 之前的日志。")
    with transaction.atomic():
        head = locked_row(ChainHead.objects.all())
        doomed = AuditEntry.objects.filter(at__lt=cutoff).order_by("-seq").first()
        if head is None or doomed is None:
            return 0
        count = AuditEntry.objects.filter(seq__lte=doomed.seq).count()
        # QuerySet.delete bypasses the model's refusal on purpose: this is the one sanctioned purge.
        AuditEntry.objects.filter(seq__lte=doomed.seq)._raw_delete(AuditEntry.objects.db)
        ChainHead.objects.filter(pk=head.pk).update(anchor_seq=doomed.seq, anchor_hash=doomed.hash)
        record(
            Action.PURGE,
            actor=actor,
            target_type="audit.auditentry",
            target_repr=f"清理至第 {doomed.seq} 条（{count} 条）",
            changes={"through_seq": [None, doomed.seq], "anchor_hash": [None, doomed.hash]},
        )
    return count


def seal_legacy_chain(entry_model=AuditEntry, head_model=ChainHead) -> AuditEntry | None:
    """Append a keyed entry after a chain of unkeyed (plain SM3) entries, so that the key covers them.

    Run once by migration 0003 (with its historical models); a chain that is empty or already ends in
    a keyed entry is left alone. Returns the entry written, if any.
    """
    with transaction.atomic():
        head = locked_row(head_model.objects.all())
        last = entry_model.objects.order_by("-seq").first()
        if head is None or last is None or link_hash(last.prev_hash, last) == last.hash:
            return None
        entry = entry_model(
            seq=head.seq + 1,
            at=timezone.now(),
            actor=None,
            actor_name="系统",
            action=Action.CHECKPOINT,
            target_type="audit.auditentry",
            target_id="",
            target_repr=f"启用审计日志密钥（HMAC-SM3），封存第 1–{head.seq} 条",
            org_id=None,
            changes={"哈希算法": ["SM3", "HMAC-SM3"], "sealed_through": [None, head.seq]},
            prev_hash=head.hash,
        )
        entry.hash = link_hash(head.hash, entry)
        entry.save(force_insert=True)
        head_model.objects.filter(pk=head.pk).update(seq=entry.seq, hash=entry.hash)
    return entry
