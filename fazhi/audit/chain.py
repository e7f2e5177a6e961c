"""Hashing and verification of the audit chain.

Each entry's ``hash`` is HMAC-SM3, keyed with a key derived from FAZHI_AUDIT_KEY, over the previous
hash and the entry's canonical content. The key is not in the database, so someone who can write the
tables can still delete or edit entries but cannot re-hash a forged history into a chain that verifies.

Versioned hash: entries written before the key existed carry a plain SM3 hash (the "legacy" scheme) and
still verify with it, but only before the first keyed entry. Upgrading appends a keyed entry
(migration 0003) whose hash covers the last legacy hash, so the legacy part is sealed by the key too:
rewriting it changes that hash. We chose this over re-hashing old entries because the table is append-only
(the database refuses the rewrite) and a rewritten trail would no longer be the one that was audited.
"""

import json
from dataclasses import dataclass

from fazhi.crypto import audit_key, hmac_sm3_hex, sm3_hex

from .models import Action, AuditEntry, ChainHead

GENESIS = "0" * 64
CHAIN_KEY_PURPOSE = "audit-chain"


def content_of(entry) -> str:
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


def link_hash(prev_hash: str, entry) -> str:
    """The keyed hash every new entry carries."""
    return hmac_sm3_hex(audit_key(CHAIN_KEY_PURPOSE), (prev_hash + content_of(entry)).encode("utf-8"))


def legacy_link_hash(prev_hash: str, entry) -> str:
    """The unkeyed hash of entries written before the chain had a key: checked, never written."""
    return sm3_hex((prev_hash + content_of(entry)).encode("utf-8"))


@dataclass
class Problem:
    seq: int
    message: str


class _Walk:
    """State of one pass over the chain, entry by entry."""

    def __init__(self, anchor_seq: int, anchor_hash: str):
        self.anchor_seq, self.anchor_hash = anchor_seq, anchor_hash
        self.prev_hash = anchor_hash
        self.expected_seq = anchor_seq + 1
        self.last_seq = anchor_seq
        self.keyed_seen = False
        self.anchor_vouched = anchor_seq == 0
        self.count = 0
        self.problems: list[Problem] = []

    def step(self, entry: AuditEntry) -> None:
        seq = entry.seq
        if seq != self.expected_seq:
            if seq > self.expected_seq:
                self.problems.append(
                    Problem(self.expected_seq, f"第 {self.expected_seq}–{seq - 1} 条日志缺失（被删除）")
                )
            self.expected_seq = seq
        if entry.prev_hash != self.prev_hash:
            self.problems.append(Problem(seq, f"第 {seq} 条日志与前一条不衔接（前后有插入或删除）"))
        self._check_hash(entry)
        if entry.action == Action.PURGE and _purge_anchor(entry) == (self.anchor_seq, self.anchor_hash):
            self.anchor_vouched = True
        self.prev_hash = entry.hash
        self.expected_seq += 1
        self.last_seq = seq
        self.count += 1

    def _check_hash(self, entry: AuditEntry) -> None:
        if link_hash(entry.prev_hash, entry) == entry.hash:
            self.keyed_seen = True
        elif legacy_link_hash(entry.prev_hash, entry) != entry.hash:
            self.problems.append(Problem(entry.seq, f"第 {entry.seq} 条日志内容被篡改（哈希不符）"))
        elif self.keyed_seen:
            self.problems.append(
                Problem(
                    entry.seq,
                    f"第 {entry.seq} 条日志用不带密钥的旧算法计算哈希，却出现在启用密钥之后：该条是伪造的",
                )
            )

    def finish(self, head) -> list[Problem]:
        if head and (head.seq != self.last_seq or head.hash != self.prev_hash):
            if self.last_seq > head.seq:
                self.problems.append(
                    Problem(self.last_seq, f"第 {head.seq + 1}–{self.last_seq} 条日志是链头之后被插入的")
                )
            else:
                self.problems.append(
                    Problem(head.seq, f"第 {self.last_seq + 1}–{head.seq} 条日志（链尾）被删除")
                )
        if self.count and not self.keyed_seen:
            self.problems.append(
                Problem(
                    self.last_seq,
                    "审计日志中没有一条带密钥（HMAC-SM3）的日志：整条链可能被重新计算过；"
                    "请确认 FAZHI_AUDIT_KEY 与写入日志时相同（刚升级时请先执行 migrate），并用审计检查点核对",
                )
            )
        if not self.anchor_vouched:
            self.problems.append(
                Problem(
                    self.anchor_seq,
                    f"链头记录日志已清理至第 {self.anchor_seq} 条，但链中没有对应的清理记录：日志被截断后伪造了链头",
                )
            )
        return self.problems


def _purge_anchor(entry: AuditEntry) -> tuple[int | None, str | None]:
    changes = entry.changes or {}
    try:
        return changes["through_seq"][1], changes["anchor_hash"][1]
    except (KeyError, IndexError, TypeError):
        return None, None


def verify(batch_size: int = 2000) -> list[Problem]:
    """Walk the chain and name every entry that was edited, inserted, removed or re-hashed."""
    head = ChainHead.objects.first()
    walk = _Walk(*((head.anchor_seq, head.anchor_hash) if head else (0, GENESIS)))
    entries = AuditEntry.objects.filter(seq__gt=walk.anchor_seq).order_by("seq")
    for entry in entries.iterator(chunk_size=batch_size):
        walk.step(entry)
    return walk.finish(head)
