"""Break-glass superuser, the only way to get one (三员分立, fazhi.accounts.separation).

Run on the server by the operator, with a reason that goes into the audit trail with the change.
A superuser still needs the second factor for the settings site (he enrols at the first sign-in).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fazhi.accounts import separation
from fazhi.audit.context import acting_as
from fazhi.audit.models import Action
from fazhi.audit.services import record


class Command(BaseCommand):
    help = "紧急授予或收回超级用户权限（唯一途径，写入审计日志）：grant/revoke 用户名，或 create 新用户名。"

    def add_arguments(self, parser):
        parser.add_argument(
            "what", choices=["grant", "revoke", "create"], help="grant 授予、revoke 收回、create 新建"
        )
        parser.add_argument("username", help="用户名")
        parser.add_argument(
            "--reason", required=True, help="原因（写入审计日志），如“安全管理员离职，临时接管”"
        )
        parser.add_argument("--password", help="create 时的初始密码；不给则账户须由安全管理员设置密码")

    def handle(self, what, username, reason, password=None, **options):
        reason = reason.strip()
        if not reason:
            raise CommandError("请用 --reason 写明紧急授权的原因，它会写入审计日志。")
        User = get_user_model()
        with separation.break_glass(), acting_as(None):
            before = False
            if what == "create":
                if User.objects.filter(username=username).exists():
                    raise CommandError(f"用户 {username} 已存在；请用 grant 授予其超级用户权限。")
                user = User(username=username, is_superuser=True, is_staff=True)
                if password:
                    user.set_password(password)
                else:
                    user.set_unusable_password()
                user.save()
            else:
                user = User.objects.filter(username=username).first()
                if user is None:
                    raise CommandError(f"用户 {username} 不存在；请检查用户名，或用 create 新建。")
                before = user.is_superuser
                user.is_superuser = user.is_staff = what != "revoke"
                user.save()
            record(
                Action.UPDATE,
                actor=None,
                target=user,
                changes={
                    "is_superuser": [before, user.is_superuser],
                    "break_glass": [None, what],
                    "reason": [None, reason],
                },
            )
        done = {"grant": "授予", "revoke": "收回", "create": "新建并授予"}[what]
        self.stdout.write(f"已{done}用户 {username} 超级用户权限（已写入审计日志）。")
