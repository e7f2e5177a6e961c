"""三员分立 in code (LEGAL-RULES.md §4, issue 12), not in role names or in what a page happens to show.

- No account holds two of the three admin roles, nor an admin role and a business role
  (RoleAssignment.clean calls check_assignment).
- Only the security administrator manages role assignments and resets credentials (password,
  TOTP), and never his own; a break-glass superuser may act in his place, never on himself.
- An account holding an admin role is enabled or disabled only by a break-glass superuser, never by another
  administrator (``may_switch_account``).
- ``is_superuser`` is set only inside ``break_glass()`` (the audited `fazhi break_glass` command):
  User.save refuses it anywhere else, so no form, page or shell path can grant it quietly.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

ROLE_MANAGER = "sec_admin"
_break_glass: ContextVar[bool] = ContextVar("fazhi_break_glass", default=False)


def _roles_of(user_id) -> set[str]:
    from fazhi.orgs.models import RoleAssignment

    return set(RoleAssignment.objects.filter(user_id=user_id).values_list("role", flat=True))


def check_assignment(user_id, role: str, exclude_pk=None) -> None:
    """Raise ValidationError if holding ``role`` would break the separation."""
    from fazhi.orgs.models import RoleAssignment
    from fazhi.orgs.roles import ADMIN_ROLES, ROLES

    others = RoleAssignment.objects.filter(user_id=user_id).exclude(pk=exclude_pk).exclude(role=role)
    held = set(others.values_list("role", flat=True))
    conflicting = held if role in ADMIN_ROLES else held & ADMIN_ROLES
    if conflicting:
        names = "、".join(sorted(ROLES[code].label for code in conflicting))
        raise ValidationError(
            {
                "role": f"三员分立：该人员已担任{names}，不能再担任{ROLES[role].label}；"
                "管理员角色不能兼任其他角色，请另选人员。"
            }
        )


def may_manage_accounts(actor) -> bool:
    """Whether ``actor`` manages roles and credentials (of others) at all."""
    if actor is None or not actor.is_active:
        return False
    return actor.is_superuser or ROLE_MANAGER in _roles_of(actor.pk)


def check_manages(actor, target_user_id, what: str) -> None:
    """PermissionDenied unless ``actor`` may change ``what`` of the person ``target_user_id``."""
    if not may_manage_accounts(actor):
        raise PermissionDenied(f"三员分立：只有安全管理员可以{what}。")
    if actor.pk == target_user_id:
        raise PermissionDenied(f"三员分立：不能{what}（本人的），请由另一位安全管理员办理。")


def holds_admin_role(user_id) -> bool:
    from fazhi.orgs.roles import ADMIN_ROLES

    return bool(_roles_of(user_id) & ADMIN_ROLES)


def may_switch_account(actor, user) -> bool:
    """Whether ``actor`` may enable or disable ``user``'s account. The system administrator does so for the
    staff, never for an account holding one of the three admin roles: he could otherwise shut out the audit
    administrator who reads his trail, or the security administrator. Only a break-glass superuser (the
    audited `fazhi break_glass`) switches an administrator's account."""
    if actor is None or not actor.is_active:
        return False
    return actor.is_superuser or not holds_admin_role(user.pk)


def check_switches_account(actor, user) -> None:
    if not may_switch_account(actor, user):
        raise PermissionDenied(
            "三员分立：管理员账户不能由其他管理员启用或停用；确需办理的，请在服务器上用 fazhi break_glass 命令（写入审计日志）。"
        )


def reset_password(actor, user, raw_password: str) -> None:
    check_manages(actor, user.pk, "重置密码")
    user.set_password(raw_password)
    user.save()


def reset_totp(actor, user) -> None:
    from . import otp

    check_manages(actor, user.pk, "重置动态口令")
    otp.reset(user)


def may_grant_superuser() -> bool:
    return _break_glass.get()


@contextmanager
def break_glass():
    """The one place where is_superuser may change (the `fazhi break_glass` command)."""
    token = _break_glass.set(True)
    try:
        with transaction.atomic():
            yield
    finally:
        _break_glass.reset(token)
