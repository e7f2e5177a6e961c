from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.audit.chain import verify
from fazhi.audit.checkpoint import CheckpointError, check_against, newest_checkpoint, read_checkpoint
from fazhi.audit.models import AuditEntry
from fazhi.ledger.integrity import check_ledgers


class Command(BaseCommand):
    help = (
        "校验审计日志：哈希链（被篡改、插入、删除或重新计算的日志）、审计检查点（被截断或回滚），"
        "以及台账记录与最后一次审计记录是否一致（绕过系统的修改和删除）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoint",
            type=Path,
            help="审计管理员保存的检查点文件（fazhi audit_checkpoint 生成）；默认用检查点目录中最新的一个",
        )
        parser.add_argument("--skip-ledgers", action="store_true", help="只校验日志链，不比对台账记录")

    def handle(self, *args, checkpoint=None, skip_ledgers=False, **options):
        messages = [p.message for p in verify()]
        notes: list[str] = []
        checkpoint = checkpoint or newest_checkpoint()
        if checkpoint is None:
            notes.append("没有审计检查点，无法发现整条日志被截断或回滚；请定期执行 fazhi audit_checkpoint。")
        else:
            try:
                found, said = check_against(read_checkpoint(checkpoint))
            except CheckpointError as exc:
                raise CommandError(str(exc)) from exc
            messages += [p.message for p in found]
            notes += said
        if not skip_ledgers:
            report = check_ledgers()
            messages += report.problems
            notes += report.notes
        for note in notes:
            self.stdout.write(f"说明：{note}")
        if messages:
            for message in messages:
                self.stderr.write(message)
            raise CommandError(f"审计日志校验未通过：发现 {len(messages)} 处问题。")
        self.stdout.write(f"审计日志链完整：共 {AuditEntry.objects.count()} 条，校验通过。")
