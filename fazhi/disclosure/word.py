"""The disclosure ledger's Word documents (the reply letter, the yearly report) in the layout of
GB/T 9704-2012 (LEGAL-RULES.md §5): A4, margins 37/35/28/26 mm, body 仿宋_GB2312 三号, title 二号 方正小标宋,
headings 黑体. The fonts are named for Chinese text too (python-docx's font.name names only the Latin one);
where the reader's machine lacks them, Word or a PDF converter falls back on its own."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
TABLE_SIZE = 10.5  # 五号: the yearly report's tables are wide

CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


def name_font(run_or_style, font: str) -> None:
    run_or_style.font.name = font
    r_pr = run_or_style.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def new_document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    name_font(normal, BODY_FONT)
    normal.font.size = Pt(BODY_SIZE)
    return doc


def paragraph(doc, text, *, align=None, bold=False, size=None, indent=True, font=None):
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if font:
        name_font(run, font)
    return p


def title(doc, text) -> None:
    paragraph(doc, text, align=CENTER, size=TITLE_SIZE, indent=False, font=TITLE_FONT)


def heading(doc, text) -> None:
    paragraph(doc, text, font=HEADING_FONT)


def grid(doc, rows: int, cols: int):
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return table


def widths(table, first_mm: float, text_mm: float = 156) -> None:
    """A wide first column (the rows' names), the rest of the text block shared by the value columns."""
    columns = len(table.columns)
    rest = Mm((text_mm - first_mm) / (columns - 1))
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = Mm(first_mm) if index == 0 else rest
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            cell.width = Mm(first_mm) if index == 0 else rest


def shrink(table, size: float = TABLE_SIZE) -> None:
    """The table's text in a smaller size, once it is filled."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)


def to_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
