"""The whole history of one dispute for its detail page: dispatches, sessions and the audit trail."""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

from fazhi.audit.models import AuditEntry

from .models import STATES, Dispute


@dataclass
class Event:
    at: datetime
    kind: str  # "received" | "dispatch" | "session" | "concluded" | "audit"
    title: str
    who: str
    lines: list[str]


def _field_label(name: str) -> str:
    attname = name.removesuffix("_id")
    try:
        return str(Dispute._meta.get_field(attname).verbose_name)
    except Exception:  # free-form keys the services write (当事人, 参与化解单位 …)
        return name


def _value(name: str, value) -> str:
    if value in (None, ""):
        return "（空）"
    if name == "status":
        return STATES.labels.get(value, value)
    return str(value)


def _audit_lines(entry: AuditEntry) -> list[str]:
    lines = []
    for name, pair in sorted(entry.changes.items()):
        before, after = ([*pair, None, None])[:2] if isinstance(pair, list) else (None, pair)
        if name in {"org_id", "received_by_id", "dispute_type_id"}:
            lines.append(f"{_field_label(name)}已变更")
            continue
        lines.append(f"{_field_label(name)}：{_value(name, before)} → {_value(name, after)}")
    return lines


def _on(day, hour: int = 8) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def timeline(dispute: Dispute) -> list[Event]:
    # 受理 and 办结 come from the record itself, so imported records without audit history have them too.
    events = [Event(_on(dispute.received_on), "received", f"受理：{dispute.received_by}", "", [])]
    if dispute.concluded_on:
        events.append(
            Event(_on(dispute.concluded_on, 18), "concluded", f"办结：{dispute.status_label}", "", [])
        )
    for d in dispute.dispatches.select_related("from_org", "to_org", "by"):
        events.append(
            Event(
                d.at,
                "dispatch",
                f"分派：{d.from_org} → {d.to_org}",
                str(d.by or ""),
                [d.note] if d.note else [],
            )
        )
    for s in dispute.sessions.all():
        at = _on(s.held_on, 9)
        lines = [f"地点：{s.place}", f"调解员：{s.mediators}", s.notes]
        if s.participants:
            lines.insert(2, f"参加人员：{s.participants}")
        events.append(Event(at, "session", "调解", str(s.recorded_by or ""), lines))
    entries = AuditEntry.objects.filter(target_type=Dispute._meta.label_lower, target_id=str(dispute.pk))
    for entry in entries.order_by("seq"):
        events.append(
            Event(entry.at, "audit", entry.get_action_display(), entry.actor_name, _audit_lines(entry))
        )
    return sorted(events, key=lambda e: e.at)
