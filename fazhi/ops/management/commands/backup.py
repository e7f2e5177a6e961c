from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.ops.backup import BackupError, create_backup, default_output


class Command(BaseCommand):
    help = "备份全部数据与附件到一个 .tar.gz 文件（含校验清单），可用 fazhi restore 恢复。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", type=Path, help="备份文件路径，默认 var/backups/fazhi-年月日-时分秒.tar.gz"
        )

    def handle(self, *args, output=None, **options):
        output = output or default_output()
        try:
            manifest = create_backup(output)
        except (BackupError, OSError) as exc:
            raise CommandError(f"备份失败：{exc}") from exc
        rows = sum(manifest["row_counts"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        for label, count in manifest["row_counts"].items():
            if count:
                self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"已备份 {len(manifest['models'])} 张表共 {rows} 行、{media} 个附件文件到 {output}"
            )
        )
