"""The whole history of one dispute for its detail page: dispatches, sessions and the audit trail."""

from datetime import datetime, time

from django.utils import timezone

from fazhi.ledger.history import Event, audit_events

from .models import Dispute


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
    events += audit_events(dispute)
    return sorted(events, key=lambda e: e.at)
