"""Signed checkpoints of the audit chain, kept outside the database by the audit administrator.

The keyed chain stops forged history, but not the removal of its newest part, nor the whole trail
truncated together with its head: both leave a shorter chain that verifies. A checkpoint is a small
JSON file naming the chain's last entry (sequence number and hash) at a moment, signed with HMAC-SM3
under the audit key. ``fazhi audit_verify`` checks that the chain still holds that entry, unchanged.
"""

import hmac
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from fazhi.crypto import audit_key, hmac_sm3_hex

from .chain import Problem
from .models import Action, AuditEntry, ChainHead
from .services import record

FORMAT = "fazhi-audit-checkpoint"
KEY_PURPOSE = "audit-checkpoint"


class CheckpointError(ValueError):
    """A checkpoint file that cannot be read or trusted; the message says why, in Chinese."""


def _signature(body: dict) -> str:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac_sm3_hex(audit_key(KEY_PURPOSE), text.encode("utf-8"))


def default_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.FAZHI_AUDIT_CHECKPOINT_DIR) / f"audit-checkpoint-{stamp}.json"


def write_checkpoint(path: Path, *, actor=None) -> dict:
    """Record the checkpoint in the trail, then write the file naming that entry."""
    entry = record(
        Action.CHECKPOINT,
        actor=actor,
        target_type="audit.auditentry",
        target_repr=f"审计检查点 {Path(path).name}",
    )
    body = {
        "format": FORMAT,
        "version": 1,
        "seq": entry.seq,
        "hash": entry.hash,
        "at": entry.at.isoformat(),
        "entries": AuditEntry.objects.count(),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(body | {"signature": _signature(body)}, ensure_ascii=False, indent=1))
    partial.chmod(0o600)
    partial.replace(path)
    return body


def read_checkpoint(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"无法读取审计检查点文件“{path}”（{exc}）。") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CheckpointError(f"“{path}”不是 fazhi audit_checkpoint 生成的审计检查点文件。")
    signature = data.pop("signature", "")
    if not isinstance(signature, str) or not hmac.compare_digest(signature, _signature(data)):
        raise CheckpointError(
            f"审计检查点文件“{path}”签名不符：文件被改动，或不是用本系统的 FAZHI_AUDIT_KEY 签名的。"
        )
    return data


def newest_checkpoint() -> Path | None:
    folder = Path(settings.FAZHI_AUDIT_CHECKPOINT_DIR)
    found = sorted(folder.glob("audit-checkpoint-*.json")) if folder.is_dir() else []
    return found[-1] if found else None


def check_against(checkpoint: dict) -> tuple[list[Problem], list[str]]:
    """Problems (the chain lost or changed the checkpointed entry) and notes (what could not be compared)."""
    seq, expected = int(checkpoint["seq"]), checkpoint["hash"]
    head = ChainHead.objects.first()
    if head and head.anchor_seq >= seq:
        note = f"检查点的第 {seq} 条日志已由 audit_purge 按保存期限清理，无法与之比对；请换用更新的检查点。"
        return [], [note]
    entry = AuditEntry.objects.filter(seq=seq).first()
    if entry is None:
        return [
            Problem(
                seq,
                f"检查点（{checkpoint['at']}）记录的第 {seq} 条日志已不存在："
                "审计日志被截断、清空（TRUNCATE）或回滚到更早的状态",
            )
        ], []
    if entry.hash != expected:
        return [
            Problem(seq, f"第 {seq} 条日志与检查点（{checkpoint['at']}）不符：该条及之前的日志被重写")
        ], []
    return [], [f"与检查点（{checkpoint['at']}，第 {seq} 条）核对一致。"]
