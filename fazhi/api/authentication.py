from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header

from fazhi.accounts import tokens


class BearerTokenAuthentication(BaseAuthentication):
    """``Authorization: Bearer <key>`` against the hashed tokens of fazhi.accounts.tokens.

    First in DEFAULT_AUTHENTICATION_CLASSES, so that DRF answers a missing or bad token with 401
    and a WWW-Authenticate header, not 403.
    """

    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("令牌格式有误：请求头应为“Authorization: Bearer 令牌”。")
        try:
            key = parts[1].decode("ascii")
        except UnicodeError:
            key = ""
        user = tokens.user_for_key(key)
        if user is None:
            raise exceptions.AuthenticationFailed("令牌无效、已过期或已撤销，请重新申请接口令牌。")
        return user, None

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class CsrfFailed(exceptions.PermissionDenied):
    default_code = "csrf_failed"


class CsrfSessionAuthentication(SessionAuthentication):
    """A session request without a valid CSRF token is told so, not told it lacks permission."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise CsrfFailed(
                "请求缺少有效的 CSRF 令牌：请刷新页面后重试；脚本请改用接口令牌（Authorization: Bearer）。"
            ) from None


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "POST /api/auth/token/ 签发的接口令牌"}


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = CsrfSessionAuthentication
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}
