from django.core.management.base import BaseCommand

from fazhi.notices.tasks import sweep


class Command(BaseCommand):
    help = "生成今天的超期和即将到期提醒（每人每件每天至多一条；后台任务服务每小时自动运行）"

    def handle(self, *args, **options):
        self.stdout.write(f"已生成 {sweep()} 条期限提醒。")
