from django.core.management.base import BaseCommand, CommandError

from fazhi.audit.chain import verify
from fazhi.audit.models import AuditEntry


class Command(BaseCommand):
    help = "校验审计日志哈希链：找出被篡改、插入或删除的日志。"

    def handle(self, *args, **options):
        problems = verify()
        if problems:
            for p in problems:
                self.stderr.write(p.message)
            raise CommandError(f"审计日志链校验未通过：发现 {len(problems)} 处问题。")
        self.stdout.write(f"审计日志链完整：共 {AuditEntry.objects.count()} 条，校验通过。")
