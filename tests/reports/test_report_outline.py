"""The office's own outline: sections renamed, added, reordered and removed; drafted paragraphs placed."""

import pytest
from docx import Document
from report_fakes import install_fake_figures

from fazhi.errors import FazhiError
from fazhi.reports import sections, services
from fazhi.reports.compose import to_document
from fazhi.reports.document import Heading
from fazhi.reports.models import Paragraph, Section
from fazhi.reports.render_docx import render_docx


@pytest.fixture
def fake_figures(monkeypatch):
    return install_fake_figures(monkeypatch)


@pytest.fixture
def writer(tree, person):
    return person("fazhiban", "office", tree["a"])


def section(report, key):
    return Section.objects.get(report=report, key=key)


def headings(report):
    return [(h.level, h.number, h.text) for h in to_document(report).blocks if isinstance(h, Heading)]


def test_office_sub_heads_replace_the_chapters_and_drafts_follow_them(tree, writer, fake_figures):
    """五常's own (一)(二)(三): the chapters unticked, a sub-head added, the dispute paragraph moved in."""
    report = services.create_report(writer, tree["a"], 2024, chapters=())
    services.draft(writer, report)
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    # no chapter chosen: the drafted figures still land in item 一 rather than being dropped
    assert paragraph.section.key == "measures"

    measures = section(report, "measures")
    own = sections.add_section(writer, report, "扎实推进抓源促治，强化纠纷源头化解", parent=measures)
    sections.move_paragraph(writer, paragraph, own, paragraph.version)
    assert section(report, own.key).draft_keys == ["disputes.summary"]

    # deleted and drafted again: it comes back in the office's section, not the standard one
    Paragraph.objects.filter(pk=paragraph.pk).delete()
    services.draft(writer, report)
    assert Paragraph.objects.get(section__report=report, draft_key="disputes.summary").section_id == own.pk
    assert headings(report)[:2] == [
        (1, "一、", "2024年推进法治政府建设的主要举措和成效"),
        (2, "（一）", "扎实推进抓源促治，强化纠纷源头化解"),
    ]


def test_rename_reorder_and_four_levels_are_exported_with_their_fonts(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    measures = section(report, "measures")
    sections.rename_section(writer, measures, "主要举措和成效")
    # 观澜 puts 第一责任人 before 举措: mandated items reorder
    leadership = section(report, "leadership")
    sections.move_section(writer, leadership, "up")
    sections.move_section(writer, leadership, "up")
    disputes = section(report, "disputes")
    third = sections.add_section(writer, report, "调解组织网络", parent=disputes)
    fourth = sections.add_section(writer, report, "社区调委会", parent=third)
    services.add_paragraph(writer, fourth, "各社区调委会实现全覆盖。")
    with pytest.raises(FazhiError, match="最多4级"):
        sections.add_section(writer, report, "第五级", parent=fourth)

    found = headings(report)
    assert [h[2] for h in found if h[0] == 1][:2] == [
        "2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        "主要举措和成效",
    ]
    assert (3, "1.", "调解组织网络") in found and (4, "（1）", "社区调委会") in found

    word = Document(__import__("io").BytesIO(render_docx(to_document(report))))
    styles = {p.text: p.style for p in word.paragraphs}
    fonts = {}
    for text, style in styles.items():
        fonts[text] = style.element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
    assert fonts["二、主要举措和成效"] == "黑体"
    assert fonts["（一）健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义"] == "楷体_GB2312"
    assert fonts["1.调解组织网络"] == "仿宋_GB2312" and styles["1.调解组织网络"].font.bold
    assert fonts["（1）社区调委会"] == "仿宋_GB2312"


def test_mandated_items_cannot_be_removed_and_staff_text_is_never_dropped(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    with pytest.raises(FazhiError, match="法定内容"):
        sections.delete_section(writer, section(report, "leadership"))
    extra = sections.add_section(writer, report, "其他工作", parent=section(report, "measures"))
    services.add_paragraph(writer, extra, "人工写的一段。")
    with pytest.raises(FazhiError, match="人工编写的段落"):
        sections.delete_section(writer, extra)
    # a chapter holding only drafted text may go: its paragraph moves up to item 一
    sections.delete_section(writer, section(report, "disputes"))
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    assert paragraph.section.key == "measures"
    with pytest.raises(FazhiError, match="不能再上移"):
        sections.move_section(writer, section(report, "measures"), "up")
    with pytest.raises(FazhiError, match="标题不能为空"):
        sections.rename_section(writer, section(report, "plans"), "  ")


def test_next_years_report_reuses_the_outline_with_years_moved_on(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2023)
    measures = section(report, "measures")
    own = sections.add_section(writer, report, "2023年扎实推进抓源促治", parent=measures)
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    sections.move_paragraph(writer, paragraph, own, paragraph.version)

    following = services.draft_report(writer, tree["a"], 2024)
    titles = [s.title for s in following.sections.order_by("order")]
    assert "2024年扎实推进抓源促治" in titles
    assert "2025年推进法治政府建设的主要安排" in titles
    moved = Paragraph.objects.get(section__report=following, draft_key="disputes.summary")
    assert moved.section.title == "2024年扎实推进抓源促治"


def test_outline_changes_need_write_rights_and_an_editable_report(tree, writer, person, fake_figures):
    from fazhi.errors import NotPermitted

    report = services.draft_report(writer, tree["a"], 2024)
    outsider = person("other", "office", tree["b"])  # an office of another street
    with pytest.raises(NotPermitted):
        sections.add_section(outsider, report, "越权")
    other = services.draft_report(person("b_office", "office", tree["b"]), tree["b"], 2024)
    with pytest.raises(FazhiError, match="不属于这份报告"):
        sections.add_section(writer, report, "错挂", parent=section(other, "measures"))
