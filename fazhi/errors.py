"""Errors a person can act on, raised by services and shown as Chinese messages in UI and API.

The lowest layer: every app may import it, it imports nothing of Fazhi."""


class FazhiError(Exception):
    code = "error"
    status_code = 400

    def __init__(self, message: str, *, fields: dict | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code


class StaleEdit(FazhiError):
    code = "stale_edit"
    status_code = 409


class TransitionNotAllowed(FazhiError):
    code = "transition_not_allowed"
    status_code = 409


class NotPermitted(FazhiError):
    code = "permission_denied"
    status_code = 403


# The frameworks' own refusals in Chinese, shared by the API's error format and the error pages.
MESSAGES = {
    "not_authenticated": "尚未登录或登录已过期，请重新登录后再试。",
    "authentication_failed": "身份验证失败，请检查用户名、密码或令牌。",
    "permission_denied": "您无权进行此操作；如需权限，请联系本单位系统管理员。",
    "not_found": "没有找到该记录，或您无权查看。",
    "method_not_allowed": "不支持该请求方法。",
    "throttled": "请求过于频繁，请稍后再试。",
    "parse_error": "请求内容无法解析，请检查 JSON 格式。",
    "unsupported_media_type": "不支持的内容类型，请使用 application/json 或 multipart/form-data。",
}
