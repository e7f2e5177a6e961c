"""Ledger rows against their last audited state: edits and deletions made behind the application.

Every change through fazhi.ledger.services writes the record's audited fields to the trail (create:
all of them; update and transition: the ones that changed; delete: the last values). Replaying those
entries per record gives the state the trail vouches for; ``fazhi audit_verify`` compares it with the
row. What cannot be compared is said, not guessed:
- personal data is audited as "（已加密）", so only whether it is filled in is compared, not its value;
- parties, attachments and other rows of their own are not ledger fields here;
- rows written by a bulk import carry one entry for the whole batch, so they are compared by count;
- fields last changed before the history was purged (audit_purge) have no audited state left.
"""

import datetime
import decimal
import re
from dataclasses import dataclass, field

from django.db import models

from fazhi.audit.models import Action, AuditEntry, ChainHead, target_labels

from .registry import ledger_models
from .services import _audited_snapshot

SHOWN = 5  # records named per kind of problem; the count says how many more
_IMPORTED = re.compile(r"^(\d+)件")


@dataclass
class LedgerReport:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _History:
    state: dict = field(default_factory=dict)
    created: bool = False
    deleted: bool = False


def _same(field, audited, current) -> bool:
    if audited == current:
        return True
    if audited is None or current is None:
        return False
    try:
        # A decimal audited as typed ("97000") reads back with its scale ("97000.00").
        if isinstance(field, models.DecimalField):
            return decimal.Decimal(str(audited)) == decimal.Decimal(str(current))
        # A timestamp audited in local time reads back from the database in UTC.
        if isinstance(field, models.DateTimeField):
            return datetime.datetime.fromisoformat(audited) == datetime.datetime.fromisoformat(current)
    except (decimal.InvalidOperation, TypeError, ValueError):
        return False
    return False


def _histories(labels: tuple[str, ...], fields: set[str]) -> tuple[dict[str, _History], int]:
    """Replayed per record id; ``labels`` include the model's former ones (entries from before a move)."""
    histories: dict[str, _History] = {}
    imported = 0
    entries = AuditEntry.objects.filter(target_type__in=labels).order_by("seq")
    for target_id, action, changes in entries.values_list("target_id", "action", "changes").iterator(2000):
        if not target_id:
            if action == Action.IMPORT:
                match = _IMPORTED.match(str((changes or {}).get("导入", [None, ""])[1]))
                imported += int(match.group(1)) if match else 0
            continue
        history = histories.setdefault(target_id, _History())
        if action == Action.DELETE:
            history.deleted = True
            continue
        if action == Action.CREATE:
            history.created, history.deleted = True, False
        if action in (Action.CREATE, Action.UPDATE, Action.TRANSITION):
            for name, pair in (changes or {}).items():
                if name in fields and isinstance(pair, list) and len(pair) == 2:
                    history.state[name] = pair[1]
    return histories, imported


def _named(items: list[str]) -> str:
    shown = "、".join(items[:SHOWN])
    return shown + (f" 等 {len(items)} 件" if len(items) > SHOWN else "")


def check_model(model, purged: bool) -> LedgerReport:
    report = LedgerReport()
    name = model._meta.verbose_name
    fields = {f.attname: f for f in model._meta.concrete_fields}
    histories, imported = _histories(target_labels(model), set(fields))
    edited, unaudited, undeleted = [], [], []
    seen = set()
    for row in model._base_manager.order_by("pk").iterator(2000):
        target_id = str(row.pk)
        seen.add(target_id)
        history = histories.get(target_id)
        if history is None:
            unaudited.append(row.number or f"#{row.pk}")
            continue
        if history.deleted:
            undeleted.append(row.number or f"#{row.pk}")
        current = _audited_snapshot(row)
        changed = [
            name
            for name, value in history.state.items()
            if name in current and not _same(fields[name], value, current[name])
        ]
        if changed:
            edited.append(f"{row.number or '#' + target_id}（{'、'.join(sorted(changed))}）")
    gone = [f"#{tid}" for tid, h in histories.items() if tid not in seen and not h.deleted]
    if edited:
        report.problems.append(f"{name}：{_named(edited)} 与最后一次审计记录不符，被绕过系统修改")
    if undeleted:
        report.problems.append(f"{name}：{_named(undeleted)} 在审计日志中已删除，但记录仍在")
    if gone:
        report.problems.append(f"{name}：{_named(gone)} 已不存在，但审计日志中没有删除记录，被绕过系统删除")
    if len(unaudited) > imported:
        if purged:
            report.notes.append(
                f"{name}：{len(unaudited)} 件没有审计记录，可能是审计日志已按期清理，无法比对（批量导入 {imported} 件）"
            )
        else:
            report.problems.append(
                f"{name}：{_named(unaudited)} 没有任何审计记录（批量导入共 {imported} 件），被绕过系统写入"
            )
    elif unaudited:
        report.notes.append(f"{name}：{len(unaudited)} 件为批量导入，只核对了件数，未逐项比对字段")
    return report


def check_ledgers() -> LedgerReport:
    head = ChainHead.objects.first()
    purged = bool(head and head.anchor_seq)
    report = LedgerReport(
        notes=[
            "个人信息以“（已加密）”记入审计日志，只核对是否填写，不核对内容；当事人、附件等不在比对范围内。"
        ]
    )
    for model in ledger_models():
        part = check_model(model, purged)
        report.problems += part.problems
        report.notes += part.notes
    return report
