"""Models outside the ledgers whose every change is audited wherever it is made (settings site,
commands, services): people, roles, organisations and the settings lists.

Ledger records are audited by their services instead (fazhi.ledger.services), which know the
actor and the business action; these models are changed through Django's generic machinery, so
signals are the one place that sees every change.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from .models import Action
from .services import diff, record, snapshot

_WATCHED: dict = {}  # model → (secret fields shown only as 已设置, ignored fields)


def _snapshot(instance) -> dict:
    secrets, ignored = _WATCHED[type(instance)]
    data = snapshot(instance)
    for name in secrets & data.keys():
        data[name] = "已设置" if data[name] else ""
    for name in ignored:
        data.pop(name, None)
    return data


def _before(sender, instance, **kwargs):
    old = sender._default_manager.filter(pk=instance.pk).first() if instance.pk else None
    instance._audit_before = _snapshot(old) if old else {}
    secrets, _ = _WATCHED[sender]
    for name in secrets:  # a changed secret shows as a change even though both sides read 已设置
        if old and getattr(old, name) != getattr(instance, name):
            instance._audit_before[name] = "（旧值）"


def _after(sender, instance, created, **kwargs):
    changes = diff(getattr(instance, "_audit_before", {}), _snapshot(instance))
    if created or changes:
        record(Action.CREATE if created else Action.UPDATE, target=instance, changes=changes)


def _deleted(sender, instance, **kwargs):
    record(Action.DELETE, target=instance, changes=diff(_snapshot(instance), {}))


def watch(model, *, secret_fields=(), ignored_fields=()):
    _WATCHED[model] = (frozenset(secret_fields), frozenset(ignored_fields))
    uid = f"audit-watch-{model._meta.label_lower}"
    pre_save.connect(_before, sender=model, dispatch_uid=uid)
    post_save.connect(_after, sender=model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    return model


def is_watched(model) -> bool:
    return model in _WATCHED
