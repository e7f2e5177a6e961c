"""Lock-out after repeated failures (LEGAL-RULES.md §4), the same for every way of signing in.

A username (known or not, so that probing names reveals nothing) is locked for
FAZHI_LOCKOUT_MINUTES once FAZHI_LOCKOUT_FAILURES failures fall within FAZHI_LOCKOUT_WINDOW_MINUTES.
Tries made while locked are kept for the record but neither extend the lock nor count afterwards;
a success, or an unlock by a security administrator, starts the count afresh.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import record

from .models import LoginAttempt

USER_TYPE = "accounts.user"


@dataclass(frozen=True)
class Status:
    locked_until: datetime.datetime | None
    failures: int  # failures counting towards the next lock
    remaining: int  # tries left before the lock

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def _limits() -> tuple[int, datetime.timedelta, datetime.timedelta]:
    return (
        settings.FAZHI_LOCKOUT_FAILURES,
        datetime.timedelta(minutes=settings.FAZHI_LOCKOUT_WINDOW_MINUTES),
        datetime.timedelta(minutes=settings.FAZHI_LOCKOUT_MINUTES),
    )


def status(username: str, now: datetime.datetime | None = None) -> Status:
    now = now or timezone.now()
    limit, window, duration = _limits()
    attempts = LoginAttempt.objects.filter(username=username, cleared=False, at__gt=now - window - duration)
    last_success = attempts.filter(success=True).order_by("-at").values_list("at", flat=True).first()
    failures = attempts.filter(success=False)
    if last_success:
        failures = failures.filter(at__gt=last_success)
    locked_until = None
    counted: list[datetime.datetime] = []
    # Replaying the failures in order is the plain way to honour "tries while locked do not count".
    for at in failures.order_by("at").values_list("at", flat=True):
        if locked_until is not None:
            if at < locked_until:
                continue
            locked_until = None
        counted = [t for t in counted if t > at - window] + [at]
        if len(counted) >= limit:
            locked_until, counted = at + duration, []
    if locked_until is not None and locked_until <= now:
        locked_until = None
    counted = [t for t in counted if t > now - window]
    return Status(locked_until, len(counted), 0 if locked_until else max(limit - len(counted), 0))


def _ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _user_id(username: str) -> str:
    pk = get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
    return str(pk) if pk else ""


def register_failure(username: str, request=None, reason: str = "password") -> Status:
    """Count a failed try, audit it, and audit the lock it may cause."""
    username = (username or "")[:150]
    with transaction.atomic():
        before = status(username)
        LoginAttempt.objects.create(
            username=username, ip=_ip(request), reason="locked" if before.locked else reason
        )
        target = {"target_type": USER_TYPE, "target_id": _user_id(username), "target_repr": username}
        record(
            Action.LOGIN_FAILED,
            actor=None,
            changes={"reason": [None, "locked" if before.locked else reason], "ip": [None, _ip(request)]},
            **target,
        )
        after = status(username)
        if after.locked and not before.locked:
            record(
                Action.LOCKED,
                actor=None,
                changes={"locked_until": [None, after.locked_until.isoformat()], "ip": [None, _ip(request)]},
                **target,
            )
    return after


def register_success(username: str, request=None) -> None:
    LoginAttempt.objects.create(username=username, ip=_ip(request), success=True)


def _may_unlock(actor) -> bool:
    from fazhi.orgs.models import RoleAssignment

    return actor.is_superuser or RoleAssignment.objects.filter(user=actor, role="sec_admin").exists()


def unlock(username: str, actor=None) -> bool:
    """Lift a lock (a security administrator's act, audited). Returns whether the account was locked.

    ``actor`` None means the operator on the server (the `fazhi unlock` command).
    """
    if actor is not None and not _may_unlock(actor):
        raise PermissionDenied("只有安全管理员可以解锁账户。")
    with transaction.atomic():
        current = status(username)
        LoginAttempt.objects.filter(username=username, success=False, cleared=False).update(cleared=True)
        record(
            Action.UPDATE,
            actor=actor,
            target_type=USER_TYPE,
            target_id=_user_id(username),
            target_repr=username,
            changes={
                "locked_until": [current.locked_until.isoformat() if current.locked else None, None],
                "unlocked": [None, True],
            },
        )
    return current.locked


def lock_message(locked_until: datetime.datetime) -> str:
    return f"账户已锁定，请于{timezone.localtime(locked_until):%H:%M}后再试或联系安全管理员解锁"


def failure_message(current: Status) -> str:
    if current.locked:
        return lock_message(current.locked_until)
    return f"用户名或密码错误，还可尝试{current.remaining}次"
