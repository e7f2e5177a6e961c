"""The history of one record for its detail page: the audit trail in plain words."""

from dataclasses import dataclass
from datetime import datetime

from fazhi.audit.models import AuditEntry

PLAIN_FK = {"org_id", "previous_id", "to_unit_id"}


@dataclass
class Event:
    at: datetime
    title: str
    who: str
    lines: list[str]


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)
    except Exception:  # free-form keys the services write (当事人, 后续审级 …)
        return name


def _value(model, name: str, value) -> str:
    if value in (None, ""):
        return "（空）"
    if name == "status":
        return model.STATES.labels.get(value, value)
    try:
        choices = dict(model._meta.get_field(name).choices or ())
    except Exception:
        choices = {}
    return str(choices.get(value, value))


def timeline(record) -> list[Event]:
    model = type(record)
    entries = AuditEntry.objects.filter(target_type=model._meta.label_lower, target_id=str(record.pk))
    events = []
    for entry in entries.order_by("seq"):
        lines = []
        for name, pair in sorted(entry.changes.items()):
            before, after = ([*pair, None, None])[:2] if isinstance(pair, list) else (None, pair)
            if name in PLAIN_FK:
                lines.append(f"{_label(model, name)}已变更")
            else:
                lines.append(
                    f"{_label(model, name)}：{_value(model, name, before)} → {_value(model, name, after)}"
                )
        events.append(Event(entry.at, entry.get_action_display(), entry.actor_name, lines))
    return events
