"""The Word export read back with python-docx: the GB/T 9704-2012 layout of LEGAL-RULES.md §5."""

import io
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt

from fazhi.reports.document import Heading, Paragraph, ReportDocument, Run
from fazhi.reports.render_docx import render_docx

ISSUER = "深圳市宝安区五常街道办事处"
BODY = "2024年，街道共接收矛盾纠纷3218件，同比上升18.22%，调解成功3212件。"


def sample_document(**changes) -> ReportDocument:
    fields = {
        "title": "五常街道2024年\n法治政府建设年度报告",
        "issuer": ISSUER,
        "signed": date(2025, 2, 18),
        "blocks": [
            Heading(1, "一、", "主要举措和成效"),
            Heading(2, "（一）", "矛盾纠纷化解"),
            Paragraph.of(
                "2024年，街道共接收矛盾纠纷",
                Run("3218", "disputes.received"),
                "件，同比上升18.22%，调解成功",
                Run("3212", "disputes.mediated_success"),
                "件。",
            ),
            Heading(3, "1.", "街道调委会"),
            Heading(4, "（1）", "警民联调"),
            Paragraph("另有警民联调689件。"),
            Heading(1, "二、", "存在的不足和原因"),
            Paragraph("基层法治力量仍需加强。"),
        ],
    }
    fields.update(changes)
    return ReportDocument(**fields)


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(render_docx(sample_document())))


def style_chain(paragraph):
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def effective(paragraph, run, read):
    """A run property as Word resolves it: the run, then the paragraph's styles, then docDefaults."""
    for source in (run, *style_chain(paragraph)):
        value = read(source.element if source is not run else run._r)
        if value is not None:
            return value
    return read(paragraph.part.document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")))


def _rpr(element):
    return element.find(qn("w:rPr"))


def east_asia_font(element):
    r_pr = _rpr(element)
    fonts = r_pr.find(qn("w:rFonts")) if r_pr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def size_pt(element):
    r_pr = _rpr(element)
    size = r_pr.find(qn("w:sz")) if r_pr is not None else None
    return int(size.get(qn("w:val"))) / 2 if size is not None else None


def bold(element):
    r_pr = _rpr(element)
    b = r_pr.find(qn("w:b")) if r_pr is not None else None
    return None if b is None else b.get(qn("w:val"), "1") not in ("0", "false")


def paragraph_format(paragraph, read):
    for style in (paragraph, *style_chain(paragraph)):
        value = read(style.paragraph_format)
        if value is not None:
            return value
    return None


def find(word, text):
    return next(p for p in word.paragraphs if p.text.startswith(text))


def assert_mm(length, expected_mm):
    assert abs(Length(length).mm - expected_mm) <= 0.1, (Length(length).mm, expected_mm)


def test_page_is_a4_with_the_standard_margins(word):
    section = word.sections[0]
    assert_mm(section.page_width, 210)
    assert_mm(section.page_height, 297)
    assert_mm(section.top_margin, 37)
    assert_mm(section.bottom_margin, 35)
    assert_mm(section.left_margin, 28)
    assert_mm(section.right_margin, 26)


def test_body_is_sanhao_fangsong_with_two_character_indent(word):
    body = find(word, "2024年，街道共接收")
    assert body.text == BODY
    for run in body.runs:
        assert effective(body, run, size_pt) == 16
        assert effective(body, run, east_asia_font) == "仿宋_GB2312"
    assert paragraph_format(body, lambda f: f.first_line_indent) == Pt(32)
    assert paragraph_format(body, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_22_lines_a_page(word):
    body = find(word, "另有警民联调")
    pitch = paragraph_format(body, lambda f: f.line_spacing)
    assert paragraph_format(body, lambda f: f.line_spacing_rule) == WD_LINE_SPACING.EXACTLY
    assert abs(pitch.pt - 28.95) < 0.01
    text_height = Mm(297) - Mm(37) - Mm(35)
    assert 22 * pitch <= text_height < 23 * pitch


def test_28_characters_a_line_by_character_spacing_on_a_line_grid(word):
    section = word.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    # a line grid only: a character grid narrower than the font doubles every character in LibreOffice
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:charSpace")) is None
    assert int(grid.get(qn("w:linePitch"))) == 579
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    pitch_pt = 16 + int(defaults.find(qn("w:spacing")).get(qn("w:val"))) / 20
    text_width_pt = Length(section.page_width - section.left_margin - section.right_margin).pt
    assert 28 * pitch_pt <= text_width_pt < 29 * pitch_pt


def test_title_is_erhao_xiaobiaosong_centred_on_two_lines(word):
    title = word.paragraphs[0]
    assert title.text == "五常街道2024年\n法治政府建设年度报告"
    for run in title.runs:
        assert effective(title, run, size_pt) == 22
        assert effective(title, run, east_asia_font) == "方正小标宋简体"
    assert paragraph_format(title, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraph_format(title, lambda f: f.first_line_indent) == 0
    assert title.style.element.find(qn("w:pPr")).find(qn("w:ind")).get(qn("w:firstLineChars")) == "0"


@pytest.mark.parametrize(
    ("text", "font", "is_bold", "outline"),
    [
        ("一、主要举措和成效", "黑体", False, "0"),
        ("（一）矛盾纠纷化解", "楷体_GB2312", False, "1"),
        ("1.街道调委会", "仿宋_GB2312", True, "2"),
        ("（1）警民联调", "仿宋_GB2312", False, "3"),
    ],
)
def test_heading_fonts_per_level(word, text, font, is_bold, outline):
    heading = find(word, text)
    assert heading.text == text
    run = heading.runs[0]
    assert effective(heading, run, east_asia_font) == font
    assert effective(heading, run, size_pt) == 16
    assert bool(effective(heading, run, bold)) is is_bold
    assert heading.style.element.find(qn("w:pPr")).find(qn("w:outlineLvl")).get(qn("w:val")) == outline


def test_headings_come_in_document_order(word):
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "一、主要举措和成效",
        "（一）矛盾纠纷化解",
        "1.街道调委会",
        "（1）警民联调",
        "二、存在的不足和原因",
    ]


def _footer_paragraph(footer):
    (paragraph,) = [p for p in footer.paragraphs if p.text.strip()]
    return paragraph


@pytest.mark.parametrize(
    ("which", "alignment"),
    [("footer", WD_ALIGN_PARAGRAPH.RIGHT), ("even_page_footer", WD_ALIGN_PARAGRAPH.LEFT)],
)
def test_page_numbers_on_the_outside_corner(word, which, alignment):
    assert word.settings.odd_and_even_pages_header_footer is True
    footer = getattr(word.sections[0], which)
    assert footer.is_linked_to_previous is False
    paragraph = _footer_paragraph(footer)
    assert paragraph.paragraph_format.alignment == alignment
    assert paragraph.text == "— 1 —"
    instructions = [el.text.strip() for el in paragraph._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    kinds = [el.get(qn("w:fldCharType")) for el in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    for run in paragraph.runs:
        assert effective(paragraph, run, size_pt) == 14
        assert effective(paragraph, run, east_asia_font) == "宋体"


def test_signature_and_chinese_date_close_the_document_right_aligned(word):
    issuer, signed = word.paragraphs[-2:]
    assert issuer.text == ISSUER
    assert signed.text == "2025年2月18日"
    for paragraph in (issuer, signed):
        assert paragraph_format(paragraph, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.RIGHT
        assert paragraph_format(paragraph, lambda f: f.first_line_indent) == 0
        assert effective(paragraph, paragraph.runs[0], east_asia_font) == "仿宋_GB2312"


def test_core_properties(word):
    props = word.core_properties
    assert props.title == "五常街道2024年 法治政府建设年度报告"
    assert props.author == ISSUER
    assert props.language == "zh-CN"


def test_document_language_is_simplified_chinese(word):
    lang = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_without_a_date_only_the_issuer_closes_the_document():
    word = docx.Document(io.BytesIO(render_docx(sample_document(signed=None))))
    assert word.paragraphs[-1].text == ISSUER
    assert word.paragraphs[-2].text == "基层法治力量仍需加强。"


def test_characters_xml_cannot_hold_are_dropped():
    doc = sample_document(blocks=[Paragraph("粘贴\x0b来的\x00文字")])
    word = docx.Document(io.BytesIO(render_docx(doc)))
    assert [p.text for p in word.paragraphs][1] == "粘贴来的文字"


def test_creation_date_is_the_export_not_the_template(word):
    assert word.core_properties.created.year >= 2025


def test_a_title_too_long_for_one_line_is_broken_before_the_reports_name():
    long_title = "五常街道办事处2024年法治政府建设年度报告"  # 22 characters: more than a 二号 line holds
    word = docx.Document(io.BytesIO(render_docx(sample_document(title=long_title))))
    assert word.paragraphs[0].text == "五常街道办事处2024年\n法治政府建设年度报告"
    short = docx.Document(io.BytesIO(render_docx(sample_document(title="2024年法治政府建设年度报告"))))
    assert short.paragraphs[0].text == "2024年法治政府建设年度报告"
