"""The default Word templates of the record documents (fazhi.ledger.documents), written once from each
``Document``'s ``blocks`` and committed as ``fazhi/<app>/document_templates/<code>.docx``:

    PYTHONPATH=$PWD python -m fazhi.ledger.document_defaults

The files are committed rather than built at each download so that an office can download the default,
edit it in Word or WPS and upload it back (the settings site), and so that what is printed does not change
unless the files do. The layout is the annual report's (fazhi.gbt9704: A4, GB/T 9704 margins, 仿宋_GB2312
body, 宋体 page numbers); above the title the letterhead is the record's unit (``{{ unit }}``) in red over a
red rule, below it the record's number (``{{ number }}``).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from fazhi import gbt9704 as layout

if TYPE_CHECKING:  # run as a script, the module is imported before Django is set up
    from .documents import Block, Document

PLAIN_STYLE = "Plain"
CENTER_STYLE = "Centered"
LETTERHEAD_STYLE = "Letterhead"
LETTERHEAD_COLOUR = RGBColor(0xE6, 0x00, 0x12)  # the red of 发文机关标志
TABLE_LABEL_WIDTH_CHARS = 7  # 出庭人员报备's longest label, 开庭（听证）日期, on two lines


def _styles(word) -> None:
    for name, alignment in (
        (PLAIN_STYLE, WD_ALIGN_PARAGRAPH.LEFT),
        (CENTER_STYLE, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        style = layout.reset_style(word, name)
        layout.style_font(style, layout.BODY_FONT, layout.BODY_SIZE)
        layout.style_paragraph(style, alignment=alignment, indented=False)
    letterhead = layout.reset_style(word, LETTERHEAD_STYLE)
    layout.style_font(letterhead, layout.TITLE_FONT, layout.TITLE_SIZE)
    layout.style_paragraph(letterhead, alignment=WD_ALIGN_PARAGRAPH.CENTER, indented=False)
    letterhead.font.color.rgb = LETTERHEAD_COLOUR
    letterhead.paragraph_format.space_after = Pt(6)
    _red_rule(letterhead.element.get_or_add_pPr())


def _red_rule(p_pr) -> None:
    """The red line under the letterhead (GB/T 9704 7.2.4: 版头中的分隔线), as the paragraph's bottom border."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "E60012")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    p_pr.append(borders)


def _table(word, rows) -> None:
    grid = word.add_table(rows=0, cols=2)
    grid.style = word.styles["Table Grid"]
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].paragraphs[0].style = word.styles[CENTER_STYLE]
        cells[0].paragraphs[0].add_run(label)
        cells[1].paragraphs[0].style = word.styles[PLAIN_STYLE]
        cells[1].paragraphs[0].add_run(value)
    # Widths on the grid and on every cell: Word reads the cells', LibreOffice the grid's.
    label = layout.Length(layout.BODY_SIZE * TABLE_LABEL_WIDTH_CHARS)
    widths = (label, layout.Length(layout.PAGE_WIDTH - layout.MARGIN_LEFT - layout.MARGIN_RIGHT - label))
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


STYLES = {
    "body": "Normal",
    "plain": PLAIN_STYLE,
    "center": CENTER_STYLE,
    "heading": layout.HEADING_STYLES[1],
    "right": layout.SIGNATURE_STYLE,
}


def _block(word, block: Block) -> None:
    if block.style == "table":
        _table(word, block.rows)
    elif block.style == "blank":
        word.add_paragraph(style=PLAIN_STYLE)
    else:
        word.add_paragraph(style=STYLES[block.style]).add_run(block.text)


def build_default(document: Document) -> bytes:
    word = WordDocument()
    layout.set_up(word)
    _styles(word)
    props = word.core_properties
    props.title = document.title
    props.author = props.last_modified_by = "法治街道工作台"
    props.comments = "默认模板：占位符见系统设置的“文书模板”页。"
    word.add_paragraph(style=LETTERHEAD_STYLE).add_run("{{ unit }}")
    word.add_paragraph(style=layout.TITLE_STYLE).add_run(document.title)
    word.add_paragraph(style=CENTER_STYLE).add_run("{{ number }}")
    for block in document.blocks:
        _block(word, block)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def write_all() -> list[str]:
    from .documents import all_documents

    written = []
    for document in all_documents().values():
        target = document.default_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build_default(document))
        written.append(str(target))
    return written


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")

    django.setup()
    for name in write_all():
        print(name)
