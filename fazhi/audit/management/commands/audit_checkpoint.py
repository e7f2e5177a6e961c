from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.audit.chain import verify
from fazhi.audit.checkpoint import default_path, write_checkpoint


class Command(BaseCommand):
    help = (
        "写一个签名的审计检查点文件（日志链当前最后一条的序号和哈希），由审计管理员保存在数据库之外；"
        "fazhi audit_verify 用它发现被截断或回滚的日志。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="检查点文件路径，默认写入检查点目录")

    def handle(self, *args, output=None, **options):
        problems = verify()
        if problems:
            for problem in problems:
                self.stderr.write(problem.message)
            raise CommandError("审计日志链校验未通过，不能在有问题的链上写检查点；请先查明原因。")
        output = output or default_path()
        try:
            body = write_checkpoint(output)
        except OSError as exc:
            raise CommandError(f"无法写入检查点文件“{output}”（{exc}）。") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"已写入审计检查点 {output}（第 {body['seq']} 条）；请将其复制到数据库管理员无法改动的地方保存。"
            )
        )
