"""Errors a person can act on, raised by services and shown as Chinese messages in UI and API."""


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
