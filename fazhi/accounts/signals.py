"""Sign-in events: counted for lock-out and written to the audit trail."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from fazhi.audit.models import Action
from fazhi.audit.services import record

from . import lockout, otp


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username") or ""
    lockout.register_failure(str(username), request)


@receiver(user_logged_in)
def _audit_login(sender, request, user, **kwargs):
    pending = otp.needs_second_factor(user)
    if not pending:
        # An admin's sign-in only succeeds with the second factor (see views.OtpVerifyView):
        # counting the password alone would let someone holding it reset the count between code guesses.
        lockout.register_success(user.get_username(), request)
    record(
        Action.LOGIN,
        actor=user,
        target=user,
        changes={"factor": [None, "密码（待验证动态口令）" if pending else "密码"]},
    )


@receiver(user_logged_out)
def _audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, actor=user, target=user)
