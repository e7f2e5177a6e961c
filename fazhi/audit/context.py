"""Who is acting in this request or command, for audit entries written by signals."""

from contextlib import contextmanager
from contextvars import ContextVar

_actor: ContextVar = ContextVar("fazhi_audit_actor", default=None)


def current_actor():
    return _actor.get()


@contextmanager
def acting_as(user):
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        with acting_as(user if user is not None and user.is_authenticated else None):
            return self.get_response(request)
