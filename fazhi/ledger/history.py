"""A record's audit trail in plain words for its detail page: one event per entry, one line per field
that changed, with labels, choice names and unit names instead of codes and ids."""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist

from fazhi.audit.models import AuditEntry

EMPTY = "（空）"


@dataclass
class Event:
    at: datetime
    kind: str  # "audit", or what the ledger adds from its own records ("session", "round" …)
    title: str
    who: str
    lines: list[str]


def audit_events(record) -> list[Event]:
    model = type(record)
    entries = AuditEntry.objects.filter(target_type=model._meta.label_lower, target_id=str(record.pk))
    return [
        Event(
            entry.at,
            "audit",
            entry.get_action_display(),
            entry.actor_name,
            change_lines(model, entry.changes),
        )
        for entry in entries.order_by("seq")
    ]


def change_lines(model, changes: dict) -> list[str]:
    lines = []
    for name, pair in sorted(changes.items()):
        before, after = ([*pair, None, None])[:2] if isinstance(pair, list) else (None, pair)
        if before in (None, "") and after in (None, ""):
            continue  # a field left empty at creation is no news
        label, show = _describe(model, name)
        lines.append(f"{label}：{show(before)} → {show(after)}")
    return lines


def _describe(model, name: str):
    """The field's label and how to show one of its stored values."""
    try:
        field = model._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:  # free-form keys the services write (当事人, 附件 …)
        return name, _plain
    label = str(field.verbose_name)
    if name == "status" and getattr(model, "STATES", None):
        return label, lambda v: _plain(model.STATES.labels.get(v, v))
    if field.many_to_one:
        return label, lambda v: _plain(
            v and str(field.related_model._default_manager.filter(pk=v).first() or v)
        )
    choices = dict(field.choices or ())
    return label, lambda v: _plain(choices.get(v, v))


def _plain(value) -> str:
    return EMPTY if value in (None, "") else str(value)
