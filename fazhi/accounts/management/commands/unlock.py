from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fazhi.accounts import lockout, otp


class Command(BaseCommand):
    help = "解锁因连续登录失败而锁定的账户（安全管理员操作，写入审计日志）；--reset-otp 同时重置动态口令。"

    def add_arguments(self, parser):
        parser.add_argument("username", help="要解锁的用户名")
        parser.add_argument(
            "--reset-otp", action="store_true", help="同时清除动态口令绑定（手机丢失时），下次登录重新绑定"
        )

    def handle(self, username, reset_otp=False, **options):
        was_locked = lockout.unlock(username)
        if reset_otp:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"用户 {username} 不存在，无法重置动态口令；请检查用户名。")
            otp.reset(user)
        state = "已解锁" if was_locked else "未处于锁定状态，已清除失败计数"
        extra = "，动态口令已重置" if reset_otp else ""
        self.stdout.write(f"账户 {username} {state}{extra}。")
