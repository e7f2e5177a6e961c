"""The layout of GB/T 9704-2012 党政机关公文格式 (LEGAL-RULES.md §5) for every Word document the system
makes: the annual report (fazhi.reports.render_docx) and the record documents' default templates
(fazhi.ledger.documents) — A4, the margins, the 22 × 28 grid, the fonts named for every script, the
styles stripped of Word's template look (no blue headings), the page numbers in the outside corner.

Fonts are named as the standard names them (仿宋_GB2312, 方正小标宋简体 …) even where this machine
lacks them: the reader's Windows/WPS has them, and a PDF converter here falls back on its own.
"""

import math
import re

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(37)
MARGIN_BOTTOM = Mm(35)
MARGIN_LEFT = Mm(28)
MARGIN_RIGHT = Mm(26)
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT, 4: BODY_FONT}
PAGE_NUMBER_FONT = "宋体"

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
FIRST_LINE_INDENT = Pt(32)  # two characters of 三号

# Word stores spacing in twips; rounding the pitch down keeps all 22 lines inside the 225 mm block
# (22 × 29 pt would overflow it by a fraction and push the last line to the next page).
TEXT_HEIGHT = Length(PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
LINE_PITCH = Twips(math.floor(TEXT_HEIGHT.twips / LINES_PER_PAGE))  # 579 twips = 28.95 pt


# 28 characters of 三号 on the 156 mm line: each character condensed by the little it takes (in twips,
# 1/20 pt, rounded away from overflow). Measured in the twips Word stores the margins in.
TEXT_WIDTH_PT = (PAGE_WIDTH.twips - MARGIN_LEFT.twips - MARGIN_RIGHT.twips) / 20
CHARACTER_SPACING = Twips(math.floor((TEXT_WIDTH_PT / CHARS_PER_LINE - BODY_SIZE.pt) * 20))  # -0.25 pt
TITLE_CHARS_PER_LINE = math.floor(TEXT_WIDTH_PT / (TITLE_SIZE.pt + CHARACTER_SPACING.pt))  # 20

# The page number sits 7 mm below the text block (GB/T 9704-2012 7.5), one 四号 line high.
FOOTER_DISTANCE = Length(MARGIN_BOTTOM - Mm(7) - PAGE_NUMBER_SIZE)
PAGE_NUMBER_INDENT = PAGE_NUMBER_SIZE  # "空一字" from the outside edge

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
TITLE_STYLE = "Title"
SIGNATURE_STYLE = "Signature"

# Characters XML 1.0 cannot carry; text pasted from other programs sometimes brings them along.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def set_up_page(word) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.footer_distance = FOOTER_DISTANCE
    section.gutter = 0
    _set_document_grid(section)


def _set_document_grid(section) -> None:
    """A line grid of 22 lines a page. The 28 characters a line come from the characters' own spacing
    (see CHARACTER_SPACING), not from a character grid: Word squeezes a 三号 character into a grid
    pitch narrower than the font, but LibreOffice and others give it two cells and halve the line."""
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for name in list(grid.attrib):
        del grid.attrib[name]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH.twips))


def set_fonts(r_pr, font: str) -> None:
    """Name the font for every script: python-docx's font.name leaves w:eastAsia (Chinese) unset."""
    r_fonts = r_pr.get_or_add_rFonts()
    for name in list(r_fonts.attrib):
        del r_fonts.attrib[name]  # theme attributes would win over the names set here
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        r_fonts.set(qn(f"w:{script}"), font)


def set_up_defaults(word) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, BODY_FONT)
    character_spacing = OxmlElement("w:spacing")
    character_spacing.set(qn("w:val"), str(CHARACTER_SPACING.twips))
    r_pr.find(qn("w:sz")).addprevious(character_spacing)  # the schema's order: rFonts, spacing, sz
    for tag in ("w:sz", "w:szCs"):
        r_pr.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for name in list(spacing.attrib):
        del spacing.attrib[name]
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(LINE_PITCH.twips))
    spacing.set(qn("w:lineRule"), "exact")


def reset_style(word, name: str, style_type=WD_STYLE_TYPE.PARAGRAPH):
    """The built-in style with its template look (theme fonts, colours, borders) stripped."""
    try:
        style = word.styles[name]
    except KeyError:
        style = word.styles.add_style(name, style_type)
    for tag in ("w:pPr", "w:rPr"):
        for child in style.element.findall(qn(tag)):
            style.element.remove(child)
    if name != "Normal":
        style.base_style = word.styles["Normal"]
    return style


def style_font(style, font: str, size: Length, *, bold: bool = False) -> None:
    set_fonts(style.element.get_or_add_rPr(), font)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = None


def style_paragraph(style, *, alignment, indented: bool) -> None:
    fmt = style.paragraph_format
    fmt.alignment = alignment
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = LINE_PITCH
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    _set_first_line_indent(style.element.get_or_add_pPr(), indented)


def _set_first_line_indent(p_pr, indented: bool) -> None:
    """Indent in points and in characters: Word prefers the latter, which follows the grid's pitch.

    Unindented styles must say 0 explicitly, or they would inherit Normal's two characters.
    """
    ind = p_pr.get_or_add_ind()
    ind.set(qn("w:firstLine"), str(FIRST_LINE_INDENT.twips if indented else 0))
    ind.set(qn("w:firstLineChars"), "200" if indented else "0")


def _set_outline_level(style, level: int) -> None:
    p_pr = style.element.get_or_add_pPr()
    outline = p_pr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = OxmlElement("w:outlineLvl")
        p_pr.append(outline)
    outline.set(qn("w:val"), str(level))


def set_up_styles(word) -> None:
    normal = reset_style(word, "Normal")
    style_font(normal, BODY_FONT, BODY_SIZE)
    style_paragraph(normal, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY, indented=True)

    title = reset_style(word, TITLE_STYLE)
    style_font(title, TITLE_FONT, TITLE_SIZE)
    style_paragraph(title, alignment=WD_ALIGN_PARAGRAPH.CENTER, indented=False)
    title.paragraph_format.space_after = LINE_PITCH  # one blank line between title and body
    title.paragraph_format.keep_with_next = True

    for level, name in HEADING_STYLES.items():
        heading = reset_style(word, name)
        style_font(heading, HEADING_FONTS[level], BODY_SIZE, bold=level == 3)
        style_paragraph(heading, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY, indented=True)
        heading.paragraph_format.keep_with_next = True
        heading.next_paragraph_style = normal
        _set_outline_level(heading, level - 1)

    signature = reset_style(word, SIGNATURE_STYLE)
    style_font(signature, BODY_FONT, BODY_SIZE)
    style_paragraph(signature, alignment=WD_ALIGN_PARAGRAPH.RIGHT, indented=False)
    signature.paragraph_format.right_indent = FIRST_LINE_INDENT  # "右空二字"

    footer = reset_style(word, "Footer")
    style_font(footer, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    style_paragraph(footer, alignment=WD_ALIGN_PARAGRAPH.LEFT, indented=False)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def set_up_footers(word) -> None:
    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    _write_page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _write_page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _write_page_number(footer, alignment) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = PAGE_NUMBER_INDENT
    else:
        fmt.left_indent = PAGE_NUMBER_INDENT
    _page_number_run(paragraph, "— ")
    _page_number_run(paragraph, field_char="begin")
    _page_number_run(paragraph, instruction=" PAGE ")
    _page_number_run(paragraph, field_char="separate")
    _page_number_run(paragraph, "1")
    _page_number_run(paragraph, field_char="end")
    _page_number_run(paragraph, " —")


def _page_number_run(paragraph, text: str = "", *, field_char: str = "", instruction: str = ""):
    run = paragraph.add_run(text)
    set_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER_FONT)
    run.font.size = PAGE_NUMBER_SIZE
    if field_char:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), field_char)
        run._r.append(element)
    if instruction:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
        run._r.append(element)
    return run


def set_up(word) -> None:
    """Page, fonts, styles and page numbers of a new document (``docx.Document()``)."""
    set_up_page(word)
    set_up_defaults(word)
    set_up_styles(word)
    set_up_footers(word)
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    word.core_properties.language = "zh-CN"
