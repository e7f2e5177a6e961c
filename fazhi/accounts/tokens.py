"""API tokens, handed out through the same lock-out and second factor as the web sign-in.

A token is a random key shown once; only its SM3 digest is stored (fazhi.crypto), so neither the
database, a backup nor a superuser can read a key back. Each has a name and a lifetime
(FAZHI_API_TOKEN_DAYS), and ends when revoked, when its holder's password changes (User.save) or
expires.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.db import router, transaction
from django.utils import timezone

from fazhi import crypto
from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.db import KeptQuery
from fazhi.orgs.scoping import HELD_ROLE_COLUMNS, hold_roles

from . import lockout
from . import otp as second_factor
from .models import ApiToken

KEY_BYTES = 20  # 40 hex characters
LAST_USED_PRECISION = datetime.timedelta(minutes=5)  # one write per token per 5 minutes, not per request


def digest(key: str) -> str:
    return crypto.sm3_hex(key.encode())


def create(user, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    key = secrets.token_hex(KEY_BYTES)
    lifetime = datetime.timedelta(
        days=min(days or settings.FAZHI_API_TOKEN_DAYS, settings.FAZHI_API_TOKEN_DAYS)
    )
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user, name=(name or "")[:50], key_hash=digest(key), created_at=now, expires_at=now + lifetime
    )
    return token, key


def _fields():
    """The token's and its holder's columns, in their models' order (as ``Model.from_db`` takes them)."""
    return (
        [f.attname for f in ApiToken._meta.concrete_fields],
        [f.attname for f in get_user_model()._meta.concrete_fields],
    )


def _token_and_roles(key_hash: str):
    fields, user_fields = _fields()
    columns = [
        *fields,
        *(f"user__{name}" for name in user_fields),
        *(f"user__{c}" for c in HELD_ROLE_COLUMNS),
    ]
    return ApiToken.objects.filter(key_hash=key_hash).order_by().values_list(*columns)


# The token, its holder and the holder's roles in one query whose SQL is built once (issue 21: every API
# request starts here): a row per role, the token's and the holder's columns first.
_lookup = KeptQuery(_token_and_roles, "fazhi:stand-in:key-hash")


def _token(key_hash: str):
    """The token with its holder, who holds the roles read with it (``scoping.hold_roles``); or None."""
    rows = _lookup.rows(key_hash)
    if not rows:
        return None
    fields, user_fields = _fields()
    alias, split = router.db_for_read(ApiToken), len(fields) + len(user_fields)
    token = ApiToken.from_db(alias, fields, rows[0][: len(fields)])
    token.user = get_user_model().from_db(alias, user_fields, rows[0][len(fields) : split])
    hold_roles(token.user, [row[split:] for row in rows])
    return token


def user_for_key(key: str):
    """The active person holding this key, or None (unknown, expired, revoked, or password expired)."""
    if not key:
        return None
    token = _token(digest(key))
    now = timezone.now()
    if token is None or token.revoked_at is not None or token.expires_at <= now or not token.user.is_active:
        return None
    if token.user.password_expired:
        revoke(token, actor=None, reason="密码已过期")
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke(token: ApiToken, actor, reason: str) -> bool:
    """End a token (audited). Returns whether it was still active."""
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_reason=reason[:50]
        )
        if updated:
            record(
                Action.UPDATE,
                actor=actor,
                target_type="accounts.apitoken",
                target_id=str(token.pk),
                target_repr=str(token),
                changes={"revoked": [False, True], "reason": [None, reason]},
            )
    return bool(updated)


def issue_token(
    request, username: str, password: str, otp: str | None = None, name: str = "", days: int | None = None
) -> tuple[str | None, str]:
    """Return (token key, "") on success, or (None, a Chinese message saying what is wrong)."""
    if not username or not password:
        return None, "请提供用户名（username）和密码（password）。"
    user = authenticate(request, username=username, password=password)
    if user is None:
        return None, lockout.refusal_message(username, request)
    if second_factor.needs_second_factor(user):
        if not user.totp_confirmed:
            return None, "管理员账户须先在网页端登录并绑定动态口令，然后才能申请接口令牌。"
        if not otp:
            return None, "管理员账户须同时提供验证器上显示的6位动态口令（otp）。"
        if not second_factor.verify(user, otp):
            current = lockout.register_failure(username, request, reason="otp")
            if current.locked:
                return None, lockout.lock_message(current.locked_until)
            return (
                None,
                f"动态口令错误或已使用，请输入验证器上当前显示的口令（还可尝试{current.remaining}次）。",
            )
    if user.password_expired:
        return None, "密码已过期，请先在网页端修改密码，再申请接口令牌。"
    token, key = create(user, name, days)
    lockout.register_success(username, request)
    factor = "密码+动态口令" if second_factor.needs_second_factor(user) else "密码"
    record(
        Action.LOGIN,
        actor=user,
        target=user,
        changes={
            "factor": [None, factor],
            "via": [None, "api_token"],
            "token": [None, token.name or str(token.pk)],
            "expires_at": [None, token.expires_at.isoformat()],
        },
    )
    return key, ""
