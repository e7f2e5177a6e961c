"""API tokens, handed out through the same lock-out and second factor as the web sign-in."""

from django.contrib.auth import authenticate
from rest_framework.authtoken.models import Token

from fazhi.audit.models import Action
from fazhi.audit.services import record

from . import lockout
from . import otp as second_factor


def issue_token(request, username: str, password: str, otp: str | None = None) -> tuple[str | None, str]:
    """Return (token key, "") on success, or (None, a Chinese message saying what is wrong)."""
    if not username or not password:
        return None, "请提供用户名（username）和密码（password）。"
    user = authenticate(request, username=username, password=password)
    if user is None:
        return None, lockout.failure_message(lockout.status(username))
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
    token, _ = Token.objects.get_or_create(user=user)
    lockout.register_success(username, request)
    factor = "密码+动态口令" if second_factor.needs_second_factor(user) else "密码"
    record(
        Action.LOGIN, actor=user, target=user, changes={"factor": [None, factor], "via": [None, "api_token"]}
    )
    return token.key, ""
