"""fazhi holiday_notice: whether next year's holiday notice is still to be entered (from October), for the
deployment's timer (deploy/systemd/fazhi-holiday-notice.timer). Exits 1 while it is missing, so the unit
shows as failed in `systemctl --failed` and its OnFailure= hook (if the office sets one) tells someone."""

from django.core.management.base import BaseCommand, CommandError

from fazhi.dates import today

from ...calendar import missing_notice


class Command(BaseCommand):
    help = "检查下一年度的节假日安排通知是否已录入（每年10月起）；未录入时以状态1退出。"

    def handle(self, *args, **options):
        day = today()
        year = missing_notice(day)
        if year is not None:
            raise CommandError(
                f"{year}年节假日安排通知尚未录入：{year}年的期限暂按周末和固定假日计算并标“暂定”。"
                "国务院办公厅通知发布后，请系统管理员在 系统设置 → 节假日安排 中录入。"
            )
        self.stdout.write(f"{day.year + 1}年节假日安排已录入，或尚未到提醒时间（每年10月起提醒）。")
