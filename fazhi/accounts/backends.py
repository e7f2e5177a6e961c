from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import lockout
from .admin_site import role_allows, role_allows_app


class LockoutModelBackend(ModelBackend):
    """ModelBackend that refuses a locked username before looking at the password.

    PermissionDenied makes django.contrib.auth.authenticate stop and send user_login_failed, so
    the web form, Django admin and the API token all share this one lock-out.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        blocked_until = lockout.address_blocked_until(lockout.client_ip(request))
        if blocked_until is not None:
            raise PermissionDenied(lockout.address_message(blocked_until))
        current = lockout.status(username) if username else None
        if current and current.locked:
            raise PermissionDenied(lockout.lock_message(current.locked_until))
        return super().authenticate(request, username=username, password=password, **kwargs)

    def has_perm(self, user_obj, perm, obj=None):
        return user_obj.is_active and (super().has_perm(user_obj, perm, obj) or role_allows(user_obj, perm))

    def has_module_perms(self, user_obj, app_label):
        return user_obj.is_active and (
            super().has_module_perms(user_obj, app_label) or role_allows_app(user_obj, app_label)
        )
