"""Each web request's person reads their role assignments once (``scoping.read_roles_once``)."""

from .scoping import read_roles_once


class RolesOncePerRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            read_roles_once(user)  # the session's person: a new object for this request only
        return self.get_response(request)
