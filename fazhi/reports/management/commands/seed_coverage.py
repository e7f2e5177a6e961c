"""`fazhi seed_coverage ORG_CODE YEAR SEED_FILE`: how many of a published report's figures the draft states.

Drafts the office's report for the year (as `annual_report` does: staff edits are kept), reads it back
and the published report with the analyzer, and prints the share and each missing figure with its
sentence. Issue 18 asks for at least 90% on each seed.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from fazhi.errors import FazhiError
from fazhi.reports.analyzer import ReportUnreadable
from fazhi.reports.analyzer.decode import read_source
from fazhi.reports.compose import to_document
from fazhi.reports.management.report_args import org_by_code, report_of
from fazhi.reports.render_text import render_text
from fazhi.reports.seed_coverage import compare


class Command(BaseCommand):
    help = "比较起草的年度报告与已发布的报告：起草稿写出了已发布报告中多少个数字，缺哪些。"

    def add_arguments(self, parser):
        parser.add_argument("org_code", help="单位代码，如 xixiang")
        parser.add_argument("year", type=int, help="报告年度，如 2023")
        parser.add_argument("seed", help="已发布报告的文件（.txt / .html / .docx / .pdf）")
        parser.add_argument("--no-draft", action="store_true", help="不重新起草，按报告现有内容比较")

    def handle(self, *args, org_code, year, seed, no_draft=False, **options):
        org = org_by_code(org_code)
        try:
            published = read_source(seed).text
        except (ReportUnreadable, OSError) as exc:
            raise CommandError(f"无法读取已发布的报告“{seed}”：{getattr(exc, 'message', exc)}") from exc
        try:
            report = report_of(None, org, year, no_draft=no_draft)
            coverage = compare(published, render_text(to_document(report)))
        except (FazhiError, ReportUnreadable) as exc:
            raise CommandError(exc.message) from exc
        total = len(coverage.published)
        self.stdout.write(
            f"{report.title}：写出已发布报告数字 {len(coverage.stated)}/{total}（{coverage.share:.1%}）"
        )
        if coverage.missing:
            self.stdout.write(f"缺少的数字（{len(coverage.missing)}个）：")
        for figure in coverage.missing:
            self.stdout.write(f"  {figure.text}（{figure.subject or '未识别'}）——{coverage.sentence(figure)}")
