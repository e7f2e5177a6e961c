"""Hashing and verification of the audit chain."""

import json
from dataclasses import dataclass

from fazhi.crypto import sm3_hex

from .models import AuditEntry, ChainHead

GENESIS = "0" * 64


def content_of(entry: AuditEntry) -> str:
    """The canonical text an entry's hash covers: every field but the hashes themselves."""
    payload = {
        "seq": entry.seq,
        "at": entry.at.isoformat(timespec="microseconds"),
        "actor": entry.actor_id,
        "actor_name": entry.actor_name,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "target_repr": entry.target_repr,
        "org_id": entry.org_id,
        "changes": entry.changes,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def link_hash(prev_hash: str, entry: AuditEntry) -> str:
    return sm3_hex((prev_hash + content_of(entry)).encode("utf-8"))


@dataclass
class Problem:
    seq: int
    message: str


def verify(batch_size: int = 2000) -> list[Problem]:
    """Walk the chain and name every entry that was edited, inserted or removed."""
    head = ChainHead.objects.first()
    anchor_seq, prev_hash = (head.anchor_seq, head.anchor_hash) if head else (0, GENESIS)
    expected_seq = anchor_seq + 1
    problems: list[Problem] = []
    last_seq = anchor_seq
    entries = AuditEntry.objects.filter(seq__gt=anchor_seq).order_by("seq")
    for entry in entries.iterator(chunk_size=batch_size):
        if entry.seq != expected_seq:
            if entry.seq > expected_seq:
                problems.append(
                    Problem(expected_seq, f"第 {expected_seq}–{entry.seq - 1} 条日志缺失（被删除）")
                )
            expected_seq = entry.seq
        if entry.prev_hash != prev_hash:
            problems.append(Problem(entry.seq, f"第 {entry.seq} 条日志与前一条不衔接（前后有插入或删除）"))
        if link_hash(entry.prev_hash, entry) != entry.hash:
            problems.append(Problem(entry.seq, f"第 {entry.seq} 条日志内容被篡改（哈希不符）"))
        prev_hash = entry.hash
        expected_seq += 1
        last_seq = entry.seq
    if head and (head.seq != last_seq or head.hash != prev_hash):
        if last_seq > head.seq:
            problems.append(Problem(last_seq, f"第 {head.seq + 1}–{last_seq} 条日志是链头之后被插入的"))
        else:
            problems.append(Problem(head.seq, f"第 {last_seq + 1}–{head.seq} 条日志（链尾）被删除"))
    return problems
