"""Where a signed-in person may go before the security steps are done.

1. A holder of an admin role who has not entered a TOTP code in this session: only the
   second-factor pages, logout and static files.
2. A person whose password is older than FAZHI_PASSWORD_MAX_AGE_DAYS: only the password change
   page, logout and static files.
Everything else is sent there (an HTML redirect that keeps ``next``, htmx's HX-Redirect, or a
403 in the API's error format).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse

from . import otp

API_PREFIX = "/api/"


def _blocked(request, url_name: str, message: str):
    target = reverse(url_name)
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"error": {"code": "security_step_required", "message": message, "fields": {}}}, status=403
        )
    if request.method == "GET":
        target = f"{target}?{urlencode({'next': request.get_full_path()})}"
    if request.headers.get("HX-Request"):
        response = JsonResponse({"error": {"code": "security_step_required", "message": message}}, status=403)
        response["HX-Redirect"] = target
        return response
    return HttpResponseRedirect(target)


class SecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or self._always_open(request):
            return self.get_response(request)
        if otp.needs_second_factor(user) and not otp.is_verified(request):
            open_names = ("accounts:otp_verify", "accounts:otp_enrol")
            if not self._is(request, open_names):
                step = "accounts:otp_verify" if user.totp_confirmed else "accounts:otp_enrol"
                return _blocked(
                    request, step, "管理员账户须先完成动态口令验证，请在网页端输入动态口令后再试。"
                )
        elif user.password_expired and not self._is(request, ("accounts:password_change",)):
            return _blocked(request, "accounts:password_change", "密码已过期，请先修改密码。")
        return self.get_response(request)

    @staticmethod
    def _is(request, url_names) -> bool:
        return request.path in {reverse(name) for name in url_names}

    @classmethod
    def _always_open(cls, request) -> bool:
        return request.path.startswith(settings.STATIC_URL) or cls._is(request, ("accounts:logout",))


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response (Django has no setting for it): no device, no sensor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.FAZHI_PERMISSIONS_POLICY)
        return response


# How often a signed-in person's requests move the session's expiry on (seconds).
RENEW_AFTER = 60
RENEWED_AT = "fazhi_renewed_at"


class IdleTimeoutMiddleware:
    """The idle timeout (SESSION_COOKIE_AGE from the last request): the session is written with a new
    expiry when its last renewal is a minute old, not on every request.

    Why: SESSION_SAVE_EVERY_REQUEST wrote the session row (an UPDATE and a commit) on each page and API
    call, the one write of a read-only request. Renewed at most once a minute, a session ends 29 to 30
    minutes after the last request: never later than the rule's 30 minutes. It must come after
    SessionMiddleware, so that what it marks is saved on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(RENEWED_AT, 0) >= RENEW_AFTER:
                session[RENEWED_AT] = now  # modified: SessionMiddleware saves it with a fresh expiry
        return response
