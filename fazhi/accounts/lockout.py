"""Lock-out after repeated failures (LEGAL-RULES.md §4), the same for every way of signing in.

A username (known or not, so that probing names reveals nothing) is locked for
FAZHI_LOCKOUT_MINUTES once FAZHI_LOCKOUT_FAILURES failures fall within FAZHI_LOCKOUT_WINDOW_MINUTES.
Tries made while locked are kept for the record but neither extend the lock nor count afterwards;
a success, or an unlock by a security administrator, starts the count afresh. Each further lock
since the last success lasts twice as long as the one before, up to FAZHI_LOCKOUT_MAX_MINUTES;
the last active security administrator's lock never grows (he must be able to unlock the others).

An address is throttled as well: FAZHI_THROTTLE_ADDRESS_FAILURES failures from one address within
the window refuse every try from it for FAZHI_LOCKOUT_MINUTES, and tries from a throttled address
do not count against the accounts they name, so one address can neither spray passwords nor lock
everyone out. The address is REMOTE_ADDR, or X-Forwarded-For when REMOTE_ADDR is one of
FAZHI_TRUSTED_PROXIES (client_ip).

Why not django-axes or a cache: the attempts already live in LoginAttempt (the security
administrator's record, shared by every gunicorn worker, unlike the per-process default cache), and
the web form, the settings site, the second factor and the API token all count through here.
"""

import datetime
import ipaddress
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


THROTTLED = "throttled"  # the reason of a try refused because of its address


def _max_duration() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.FAZHI_LOCKOUT_MAX_MINUTES)


def _is_last_security_admin(username: str) -> bool:
    from fazhi.orgs.models import RoleAssignment

    holders = set(
        RoleAssignment.objects.filter(role="sec_admin", user__is_active=True).values_list(
            "user__username", flat=True
        )
    )
    return holders == {username}


def status(username: str, now: datetime.datetime | None = None) -> Status:
    now = now or timezone.now()
    limit, window, base = _limits()
    progressive = not _is_last_security_admin(username)
    attempts = LoginAttempt.objects.filter(
        username=username, cleared=False, at__gt=now - window - _max_duration()
    ).exclude(reason=THROTTLED)
    last_success = attempts.filter(success=True).order_by("-at").values_list("at", flat=True).first()
    failures = attempts.filter(success=False)
    if last_success:
        failures = failures.filter(at__gt=last_success)
    locked_until = None
    locks = 0
    counted: list[datetime.datetime] = []
    # Replaying the failures in order is the plain way to honour "tries while locked do not count".
    for at in failures.order_by("at").values_list("at", flat=True):
        if locked_until is not None:
            if at < locked_until:
                continue
            locked_until = None
        counted = [t for t in counted if t > at - window] + [at]
        if len(counted) >= limit:
            duration = min(base * 2**locks, _max_duration()) if progressive else base
            locked_until, counted, locks = at + duration, [], locks + 1
    if locked_until is not None and locked_until <= now:
        locked_until = None
    counted = [t for t in counted if t > now - window]
    return Status(locked_until, len(counted), 0 if locked_until else max(limit - len(counted), 0))


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address) -> bool:
    for proxy in settings.FAZHI_TRUSTED_PROXIES:
        try:
            if address in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request) -> str | None:
    """The client's address: X-Forwarded-For is believed only from a configured trusted proxy.

    The header is read from the right, past the trusted proxies: the first address a trusted
    proxy did not add itself is the client (anything further left the client may have forged).
    """
    if request is None:
        return None
    remote = _address(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return None
    if not _trusted(remote):
        return str(remote)
    client = remote
    for part in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = _address(part)
        if hop is None:
            break
        client = hop
        if not _trusted(hop):
            break
    return str(client)


_ip = client_ip


def address_blocked_until(ip: str | None, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Until when tries from this address are refused, or None."""
    if not ip:
        return None
    now = now or timezone.now()
    limit, window, duration = settings.FAZHI_THROTTLE_ADDRESS_FAILURES, *_limits()[1:]
    recent = (
        LoginAttempt.objects.filter(ip=ip, success=False, at__gt=now - window)
        .exclude(reason=THROTTLED)
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    recent = list(recent)
    if len(recent) < limit:
        return None
    until = recent[0] + duration
    return until if until > now else None


def address_message(until: datetime.datetime) -> str:
    return f"该地址登录失败次数过多，已暂停登录，请于{timezone.localtime(until):%H:%M}后再试或联系安全管理员"


def refusal_message(username: str, request=None) -> str:
    """What a refused sign-in is told: the address throttle first, then the account's state."""
    until = address_blocked_until(client_ip(request))
    if until is not None:
        return address_message(until)
    return failure_message(status(username))


def _user_id(username: str) -> str:
    pk = get_user_model().objects.filter(username=username).values_list("pk", flat=True).first()
    return str(pk) if pk else ""


def register_failure(username: str, request=None, reason: str = "password") -> Status:
    """Count a failed try, audit it, and audit the lock it may cause."""
    username = (username or "")[:150]
    with transaction.atomic():
        before = status(username)
        if address_blocked_until(_ip(request)) is not None:
            reason = THROTTLED
        elif before.locked:
            reason = "locked"
        LoginAttempt.objects.create(username=username, ip=_ip(request), reason=reason)
        target = {"target_type": USER_TYPE, "target_id": _user_id(username), "target_repr": username}
        record(
            Action.LOGIN_FAILED,
            actor=None,
            changes={"reason": [None, reason], "ip": [None, _ip(request)]},
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
