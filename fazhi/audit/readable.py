"""An audit entry's changes as the audit administrator reads them: fields by their Chinese names, choices by
their labels, units and people by name — "审查单位：（空） → 五常司法所", not "reviewer_org_id：（空） → 5".

The entries themselves keep what was written (field names, stored values): the chain's hashes cover them,
so the words are put on when the page is shown, never into the trail.
"""

from __future__ import annotations

import datetime
import functools

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from fazhi.dates import cn_date

EMPTY = "（空）"

# Keys written by the sign-in, token and trail services rather than by a model's fields.
KEY_LABELS = {
    "factor": "认证方式",
    "reason": "原因",
    "ip": "IP地址",
    "locked_until": "锁定至",
    "revoked": "已撤销",
    "through_seq": "清理至序号",
    "anchor_hash": "检查点哈希",
    "format": "格式",
    "text": "内容",
    "year": "年度",
    "title": "标题",
    "org": "单位",
    "status": "状态",
}
# Values those services write in English: why a sign-in failed (fazhi.accounts.lockout).
VALUE_LABELS = {
    "reason": {
        "password": "用户名或密码错误",
        "otp": "动态口令错误",
        "locked": "账户锁定期间再次尝试",
        "throttled": "同一地址尝试过多",
    },
}


@functools.cache  # a few dozen labels; the models do not change while the process runs
def _model(target_type: str):
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        pass
    for model in apps.get_models():  # a label the model had before it moved (its FORMER_LABELS)
        if target_type in getattr(model, "FORMER_LABELS", ()):
            return model
    return None


def _field(model, key: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(key)
    except FieldDoesNotExist:
        pass
    return next((f for f in model._meta.concrete_fields if f.attname == key), None)


def _text(value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict):
        return "；".join(f"{key}：{_text(item)}" for key, item in value.items()) or EMPTY
    if isinstance(value, list | tuple):
        return "、".join(_text(item) for item in value) or EMPTY
    return str(value)


class Reader:
    """Reads the changes of a page of entries; the units and people they name are looked up once per page."""

    def __init__(self, entries):
        self.entries = list(entries)
        wanted: dict = {}
        for entry in self.entries:
            model = _model(entry.target_type)
            for key, pair in (entry.changes or {}).items():
                field = _field(model, key)
                if field is not None and field.many_to_one and isinstance(pair, list):
                    wanted.setdefault(field.related_model, set()).update(
                        value for value in pair if isinstance(value, int) and not isinstance(value, bool)
                    )
        self.names = {
            related: {pk: str(row) for pk, row in related._default_manager.in_bulk(list(ids)).items()}
            for related, ids in wanted.items()
        }

    def value(self, field, key: str, value) -> str:
        if field is None:
            return _text(VALUE_LABELS.get(key, {}).get(value, value) if isinstance(value, str) else value)
        if value is None or value == "":
            return EMPTY
        if field.many_to_one:
            return self.names.get(field.related_model, {}).get(value, f"（编号{value}）")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(field, models.BooleanField):
            return _text(bool(value))
        if isinstance(field, models.DateField) and isinstance(value, str):
            try:
                day = datetime.date.fromisoformat(value[:10])
            except ValueError:
                return value
            return cn_date(day) + (value[10:].replace("T", " ") if len(value) > 10 else "")
        return _text(value)

    def changes(self, entry) -> list[tuple[str, str, str]]:
        """(label, before, after) of each change of ``entry``."""
        model = _model(entry.target_type)
        rows = []
        for key, pair in (entry.changes or {}).items():
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            field = _field(model, key)
            label = str(field.verbose_name) if field is not None else KEY_LABELS.get(key, key)
            rows.append((label, self.value(field, key, before), self.value(field, key, after)))
        return rows

    def rows(self) -> list[tuple]:
        """(entry, its readable changes, its object's kind) for the page."""
        return [(entry, self.changes(entry), self.kind(entry)) for entry in self.entries]

    @staticmethod
    def kind(entry) -> str:
        model = _model(entry.target_type)
        return str(model._meta.verbose_name) if model is not None else entry.target_type
