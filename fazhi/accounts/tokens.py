"""API tokens, handed out through the same lock-out and second factor as the web sign-in.

A token is a random key shown once; only its SM3 digest is stored (fazhi.crypto), so neither the
database, a backup nor a superuser can read a key back. Each has a name and a lifetime
(FAZHI_API_TOKEN_DAYS), and ends when revoked, when its holder's password changes (User.save) or
expires.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from fazhi import crypto
from fazhi.audit.models import Action
from fazhi.audit.services import record

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


def user_for_key(key: str):
    """The active person holding this key, or None (unknown, expired, revoked, or password expired)."""
    if not key:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=digest(key)).first()
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
