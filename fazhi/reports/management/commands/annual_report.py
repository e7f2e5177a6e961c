"""`fazhi annual_report ORG_CODE YEAR --output FILE`: draft the year's report and write it out.

The report is created and drafted from the figures when it does not exist yet; an existing one
is re-drafted while still editable (staff edits are kept) and exported as it stands once approved.
The file type follows the extension: .docx, .md, .txt (or .html).
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from fazhi.errors import FazhiError
from fazhi.reports import services
from fazhi.reports.completeness import problems
from fazhi.reports.compose import to_document
from fazhi.reports.management.report_args import org_by_code, report_of
from fazhi.reports.render import format_for_path, render_to_path


class Command(BaseCommand):
    help = "起草并导出法治政府建设年度报告：按 --output 的扩展名写出 .docx、.md 或 .txt 文件。"

    def add_arguments(self, parser):
        parser.add_argument("org_code", help="单位代码，如 wuchang")
        parser.add_argument("year", type=int, help="报告年度，如 2024")
        parser.add_argument(
            "--output", "-o", required=True, help="输出文件路径（.docx / .md / .txt / .html）"
        )
        parser.add_argument("--user", help="以该用户身份起草（检查其权限并记入审计）；不填则以“系统”身份")
        parser.add_argument("--no-draft", action="store_true", help="不重新起草，按报告现有内容导出")

    def handle(self, *args, org_code, year, output, user=None, no_draft=False, **options):
        try:
            fmt = format_for_path(output)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        org = org_by_code(org_code)
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"没有用户名为“{user}”的用户。")
        if not Path(output).parent.exists():
            raise CommandError(f"输出目录“{Path(output).parent}”不存在，请先创建。")
        try:
            report = report_of(actor, org, year, no_draft=no_draft)
            path = render_to_path(to_document(report), output)
            services.record_export(actor, report, fmt.code)
        except FazhiError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"已写出{fmt.label}：{path}（{report.title}，状态：{report.get_status_display()}）")
        for problem in problems(report):
            self.stdout.write(f"  待完善：{problem}")
