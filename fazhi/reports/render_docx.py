"""Word export of the annual report in the layout of GB/T 9704-2012 (LEGAL-RULES.md §5): the page,
fonts and styles are fazhi.gbt9704's, shared with the record documents' templates."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document

from fazhi.gbt9704 import (
    HEADING_STYLES,
    LINE_PITCH,
    SIGNATURE_STYLE,
    TITLE_CHARS_PER_LINE,
    TITLE_STYLE,
    clean,
    set_up,
)

from .document import Heading, Paragraph, ReportDocument

REPORT_NAME = "法治政府建设年度报告"


def render_docx(doc: ReportDocument) -> bytes:
    word = Document()
    _set_up_document(word, doc)
    _write_title(word, doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            _write_heading(word, block)
        elif isinstance(block, Paragraph):
            _write_paragraph(word, block)
    _write_signature(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up_document(word, doc: ReportDocument) -> None:
    set_up(word)
    props = word.core_properties
    props.title = clean(" ".join(doc.title_lines))
    props.author = clean(doc.issuer)
    props.last_modified_by = clean(doc.issuer)
    props.subject = "法治政府建设年度报告"
    props.comments = ""
    props.keywords = "法治政府建设"
    # python-docx's template carries its own 2013 dates; a report shows when it was exported.
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0)


def _title_lines(doc: ReportDocument) -> list[str]:
    """The title's lines, a line too long for the 二号 width broken where the words allow (GB/T 9704:
    回行时词意完整): before the report's name, so that no lone character is left on the last line."""
    lines = []
    for line in doc.title_lines or [""]:
        cut = line.find(REPORT_NAME)
        if len(line) > TITLE_CHARS_PER_LINE and cut > 0:
            lines += [line[:cut], line[cut:]]
        else:
            lines.append(line)
    return lines


def _write_title(word, doc: ReportDocument) -> None:
    paragraph = word.add_paragraph(style=TITLE_STYLE)
    lines = _title_lines(doc)
    for position, line in enumerate(lines):
        run = paragraph.add_run(clean(line))
        if position < len(lines) - 1:
            run.add_break()


def _write_heading(word, heading: Heading) -> None:
    paragraph = word.add_paragraph(style=HEADING_STYLES[heading.level])
    paragraph.add_run(clean(heading.full_text))


def _write_paragraph(word, block: Paragraph) -> None:
    paragraph = word.add_paragraph(style="Normal")
    for span in block.spans():
        paragraph.add_run(clean(span.text))


def _write_signature(word, doc: ReportDocument) -> None:
    lines = [text for text in (doc.issuer.strip(), doc.signed_text) if text]
    for position, text in enumerate(lines):
        paragraph = word.add_paragraph(style=SIGNATURE_STYLE)
        if position == 0:
            paragraph.paragraph_format.space_before = LINE_PITCH  # 正文下空一行
        paragraph.add_run(clean(text))
