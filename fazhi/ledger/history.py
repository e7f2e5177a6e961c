"""A record's history for its detail page, in two parts.

The business timeline (办理经过) lists what happened on which day — 受理, 分派, 调解, 办结 — from the record
and its child rows, dated as the office dated them: a day, not an invented clock time, in the order things
happen within a day. The audit trail (操作记录) is folded below it: one entry per saved change, with its real
time, who made it, and one line per field in the office's words (labels, choice names, unit names, 是/否,
Chinese dates) instead of stored codes.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from fazhi.audit.models import AuditEntry, target_labels

EMPTY = "（空）"
# Within one day: what opens a matter first, what closes it last.
FIRST, MIDDLE, LAST = 0, 50, 90
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass
class Event:
    day: datetime.date
    kind: str  # what the ledger records ("received", "session", "round" …), or "audit"
    title: str
    who: str = ""
    lines: list[str] = field(default_factory=list)
    order: int = MIDDLE
    at: datetime.datetime | None = None  # only where the system recorded the moment (audit, dispatch)


def business_timeline(events: list[Event]) -> list[Event]:
    """Events by day, then by their place in the course of a matter, then by recorded time."""
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(events, key=lambda e: (e.day, e.order, e.at or oldest))


def audit_events(record) -> list[Event]:
    model = type(record)
    entries = AuditEntry.objects.filter(target_type__in=target_labels(model), target_id=str(record.pk))
    return [
        Event(
            timezone.localtime(entry.at).date(),
            "audit",
            entry.get_action_display(),
            entry.actor_name,
            change_lines(model, entry.changes),
            at=entry.at,
        )
        for entry in entries.order_by("seq")
    ]


def change_lines(model, changes: dict) -> list[str]:
    lines = []
    for name, pair in sorted(changes.items()):
        before, after = ([*pair, None, None])[:2] if isinstance(pair, list) else (None, pair)
        if _blank(before) and _blank(after):
            continue  # a field left empty (or unticked) at creation is no news
        label, show = _describe(model, name)
        # A value given where there was none reads as a statement, not as a change from （空）.
        lines.append(
            f"{label}：{show(after)}" if before in (None, "") else f"{label}：{show(before)} → {show(after)}"
        )
    return lines


def _blank(value) -> bool:
    return value in (None, "", False)


def _describe(model, name: str):
    """The field's label and how to show one of its stored values."""
    try:
        field_ = model._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:  # free-form keys the services write (当事人, 附件, 原因 …)
        return name, _plain
    label = str(field_.verbose_name)
    if name == "status" and getattr(model, "STATES", None):
        return label, lambda v: _plain(model.STATES.labels.get(v, v))
    if field_.many_to_one:
        return label, lambda v: _plain(
            v and str(field_.related_model._default_manager.filter(pk=v).first() or v)
        )
    if isinstance(field_, models.BooleanField):
        return label, lambda v: EMPTY if v is None else ("是" if v else "否")
    choices = dict(field_.choices or ())
    return label, lambda v: _plain(choices.get(v, v))


def _plain(value) -> str:
    if value in (None, ""):
        return EMPTY
    if isinstance(value, str) and (match := _ISO_DATE.match(value)):
        year, month, day = (int(part) for part in match.groups())
        return f"{year}年{month}月{day}日"
    return str(value)
