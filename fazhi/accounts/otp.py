"""The second factor (TOTP, RFC 6238) that the three admin roles must use (LEGAL-RULES.md §4)."""

import hmac

import pyotp
import segno
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from fazhi import crypto
from fazhi.orgs.roles import ADMIN_ROLES
from fazhi.orgs.scoping import role_codes

ISSUER = "法治街道工作台"
SESSION_KEY = "fazhi_otp_verified"


def needs_second_factor(user) -> bool:
    """The admin roles and any superuser: whoever can reach the settings site."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(role_codes(user) & ADMIN_ROLES)  # the request's roles, read once


def is_verified(request) -> bool:
    return bool(request.session.get(SESSION_KEY))


def mark_verified(request) -> None:
    # A raise in privilege gets a fresh session key, as a login does.
    request.session.cycle_key()
    request.session[SESSION_KEY] = True


def secret_of(user) -> str:
    return crypto.decrypt(user.totp_secret) if user.totp_secret else ""


def start_enrolment(user) -> str:
    """The secret to enrol: the pending one if any, so that reloading the page keeps the QR code."""
    if user.totp_secret and not user.totp_confirmed:
        return secret_of(user)
    secret = pyotp.random_base32()
    user.totp_secret = crypto.encrypt(secret)
    user.totp_confirmed = False
    user.totp_last_step = None
    user.save(update_fields=["totp_secret", "totp_confirmed", "totp_last_step"])
    return secret


def provisioning_uri(user, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """An SVG QR code as a data: URI, for an <img> (CSP allows img-src data:, no inline style is needed)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def verify(user, code: str) -> bool:
    """Check a 6-digit code (±30 s for clock drift), accepting each time step only once."""
    code = (code or "").strip().replace(" ", "")
    if not (user.totp_secret and len(code) == 6 and code.isdigit()):
        return False
    totp = pyotp.TOTP(secret_of(user))
    current = totp.timecode(timezone.now())
    for step in (current, current - 1, current + 1):
        if not hmac.compare_digest(totp.generate_otp(step), code):
            continue
        # One conditional UPDATE, so that two requests racing with the same code cannot both pass.
        unused = Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step)
        if get_user_model().objects.filter(unused, pk=user.pk).update(totp_last_step=step):
            user.totp_last_step = step
            return True
        return False
    return False


def confirm_enrolment(user, code: str) -> bool:
    if not verify(user, code):
        return False
    user.totp_confirmed = True
    user.save(update_fields=["totp_confirmed"])
    return True


def reset(user) -> None:
    """Forget a lost device: the person enrols again at the next sign-in."""
    user.totp_secret = ""
    user.totp_confirmed = False
    user.totp_last_step = None
    user.save(update_fields=["totp_secret", "totp_confirmed", "totp_last_step"])
