import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.audit.services import RETENTION_DAYS, purge_before


class Command(BaseCommand):
    help = f"清理保存期（至少 {RETENTION_DAYS} 天）以前的审计日志，并重新锚定哈希链。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365, help="保留最近多少天（不少于 180）")

    def handle(self, *args, days, **options):
        if days < RETENTION_DAYS:
            raise CommandError(f"审计日志至少保存 {RETENTION_DAYS} 天，--days 不能小于 {RETENTION_DAYS}。")
        try:
            count = purge_before(timezone.now() - datetime.timedelta(days=days))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"已清理 {count} 条 {days} 天以前的审计日志。")
