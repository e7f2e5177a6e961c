"""`fazhi analyze_report PATH [--json]`: read a published annual report back into outline and figures."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from fazhi.reports.analyzer import AnalysisResult, ReportUnreadable, analyze

APPROX_NOTE = "（约数）"


class Command(BaseCommand):
    requires_system_checks = []  # reads a file; needs neither the database nor the other apps
    help = "分析一份已发布的法治政府建设年度报告（文本、网页、.docx 或 PDF）：提纲、法定事项、数字。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="报告文件路径（.txt / .html / .docx / .pdf）")
        parser.add_argument(
            "--json", action="store_true", help="输出一个 JSON 对象（结构见 docs/analyzer.md）"
        )
        parser.add_argument(
            "--include-text",
            action="store_true",
            help="JSON 中附带报告全文（即各 start/end 偏移量所指的原文）",
        )

    def handle(self, *args, **options):
        try:
            result = analyze(options["path"])
        except ReportUnreadable as exc:
            raise CommandError(exc.message, returncode=2) from exc
        if options["json"]:
            data = result.to_dict(include_text=options["include_text"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(result))


def summary(result: AnalysisResult) -> str:
    lines = [
        f"标题：{result.title or '（未识别）'}",
        f"发布机关：{result.issuer or '（未识别）'}",
        f"报告年度：{result.year or '（未识别）'}",
        f"落款日期：{result.signed.isoformat() if result.signed else '（无）'}",
        "",
        "提纲：",
    ]
    for heading in result.headings():
        lines.append(f"{'  ' * heading.level}{heading.number}{heading.title}")
    if not result.outline:
        lines.append("  （未识别到 一、(一)、1. 式标题）")
    lines += ["", "法定事项："]
    for item in result.mandated:
        mark = "有" if item.present else ("缺" if item.required else "无")
        where = f" —— {item.heading.number}{item.heading.title}" if item.heading else ""
        lines.append(f"  [{mark}] {item.label}{where}")
    lines += ["", f"数字（共 {len(result.figures)} 个）："]
    for figure in result.figures:
        note = APPROX_NOTE if figure.approx else ""
        comparison = ""
        if figure.comparison is not None and figure.kind == "value":
            comparison = f"，{figure.comparison.text}"
        code = f" [{figure.code}]" if figure.code else ""
        page = f"（第 {figure.page} 页）" if figure.page else ""
        lines.append(f"  {figure.subject or '（未识别）'}：{figure.text}{note}{comparison}{page}{code}")
    return "\n".join(lines)
