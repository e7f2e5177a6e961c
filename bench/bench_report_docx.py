"""Annual report drafting and Word export for one 街道-year of the generated district.

    .venv/bin/python -m bench report_docx [--quick] [--repeat 3]

Drafting (fazhi.reports.services.draft_report: create the report and write every paragraph from the
figures) against its floor, fetching the figures the drafts need (figure_source.fetch); Word export
(compose.to_document + render "docx") against writing the same text as plain paragraphs with
python-docx. Each drafting run is rolled back so that every run drafts a new report.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support


def main() -> None:
    options = support.options(
        __doc__.splitlines()[0], lambda p: p.add_argument("--repeat", type=int, default=3)
    )
    _size, url, year = support.open_district(options.quick)

    import docx
    from django.db import transaction

    from fazhi.reports import compose, drafting, figure_source, services, values
    from fazhi.reports.render import render
    from fazhi.reports.render_text import render_text

    street = support.first_street()

    def draft():
        with transaction.atomic():
            report = services.draft_report(None, street, year)
            transaction.set_rollback(True)
        return report

    def figures_only():
        return figure_source.fetch(street, drafting.template_codes(), year)

    drafting_time, _, floor, fetched = support.side_by_side(draft, figures_only, options.repeat)
    print(f"数据库：{support.engine_label(url)}；{street.name} {year}年（{len(fetched)} 项指标）")
    print(support.ratio_line("起草年度报告 draft_report", drafting_time, "取起草所需指标", floor))

    with transaction.atomic():  # the bench leaves no report behind
        report = services.draft_report(None, street, year)
        current = values.current_values(report)
        document = compose.to_document(report, current)
        transaction.set_rollback(True)
    text = render_text(document)

    def word():
        return render(document, "docx")

    def plain_word():
        word_document = docx.Document()
        for line in text.splitlines():
            word_document.add_paragraph(line)
        out = io.BytesIO()
        word_document.save(out)
        return out.getvalue()

    # the Word rendering of the composed report
    export_time, content, floor, _ = support.side_by_side(word, plain_word, options.repeat)
    print(
        support.ratio_line(
            f"导出 Word（{len(text):,} 字，{len(content) / 1024:.0f} KB）",
            export_time,
            "python-docx 写同样文字",
            floor,
        )
    )


if __name__ == "__main__":
    main()
