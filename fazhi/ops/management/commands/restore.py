from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.ops.backup import BackupError
from fazhi.ops.restore import restore_backup, verify_backup


class Command(BaseCommand):
    help = "从 fazhi backup 生成的备份文件恢复全部数据与附件到空数据库（先校验备份完整性）。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="备份文件（.tar.gz）")
        parser.add_argument("--yes", action="store_true", help="数据库中已有数据时，先清空再恢复")
        parser.add_argument(
            "--check",
            action="store_true",
            help="只校验备份（签名、每个文件的校验值），不恢复，不写入任何数据",
        )

    def handle(self, *args, file, yes=False, check=False, **options):
        if check:
            try:
                manifest = verify_backup(file)
            except (BackupError, OSError) as exc:
                raise CommandError(f"校验未通过：{exc}") from exc
            rows = sum(manifest["row_counts"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"校验通过：签名有效，{len(manifest['files'])} 个文件的校验值全部相符"
                    f"（{len(manifest['models'])} 张表共 {rows} 行，备份时间 {manifest['created_at']}）。"
                )
            )
            return
        self.stdout.write(f"正在校验并恢复 {file} …")
        try:
            result = restore_backup(file, replace=yes, stdout=self.stdout)
        except (BackupError, OSError) as exc:
            raise CommandError(f"恢复失败：{exc}") from exc
        rows = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"已恢复 {len(result.counts)} 张表共 {rows} 行、{result.files} 个附件文件"
                f"（备份时间 {result.manifest['created_at']}，来源数据库 {result.manifest['database_vendor']}）。"
            )
        )
        if result.problems:
            self.stdout.write(self.style.ERROR(f"审计日志链校验发现 {len(result.problems)} 处问题："))
            for problem in result.problems:
                self.stdout.write(f"  {problem.message}")
            raise CommandError("恢复后的审计日志链未通过校验，请核对备份来源。")
        self.stdout.write(self.style.SUCCESS("审计日志链校验通过。"))
