"""Drafting from figures, staff edits that survive re-drafting, and the outline's order."""

import pytest
from report_fakes import install_fake_figures

from fazhi.reports import outline, services
from fazhi.reports.compose import to_document
from fazhi.reports.document import Heading
from fazhi.reports.models import Paragraph, Source
from fazhi.reports.render_text import render_text


@pytest.fixture
def fake_figures(monkeypatch):
    return install_fake_figures(monkeypatch)


@pytest.fixture
def writer(tree, person):
    return person("fazhiban", "office", tree["a"])


def disputes_paragraph(report):
    return Paragraph.objects.get(section__report=report, draft_key="disputes.summary")


def test_outline_lists_the_five_mandated_items_in_order():
    assert outline.MANDATED_ITEMS == ("measures", "shortcomings", "leadership", "plans", "other")
    titles = [spec.title_for(2024) for spec in outline.OUTLINE if spec.heading]
    assert titles == [
        "2024年推进法治政府建设的主要举措和成效",
        "2024年推进法治政府建设存在的不足和原因",
        "2024年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        "2025年推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ]
    measures = outline.spec_for("measures")
    assert [c.key for c in measures.children][4] == "disputes"
    assert len(measures.children) == 8
    shortcomings = outline.spec_for("shortcomings")
    assert shortcomings.children[0].title_for(2024) == "2023年度存在问题的整改情况"


def test_new_report_gets_default_title_outline_and_publication_deadline(tree, writer):
    report = services.create_report(writer, tree["a"], 2024)
    assert report.title == "甲街道2024年法治政府建设年度报告"
    assert str(report.publish_due) == "2025-03-31"
    keys = list(report.sections.order_by("order").values_list("key", flat=True))
    assert keys[:3] == ["preamble", "measures", "institutions"]
    assert keys.index("remedy") == keys.index("shortcomings") + 1
    assert keys[-3:] == ["leadership", "plans", "other"]


def test_drafted_report_states_the_figures_and_the_change(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    paragraph = disputes_paragraph(report)
    assert paragraph.section.key == "disputes"
    assert "{{disputes.received}}" in paragraph.text
    text = render_text(to_document(report))
    assert (
        "2024年，街道共接收矛盾纠纷3218件，同比上升18.22%，调解成功3212件，调解成功率99.81%。"
        "其中街道调委会调处1298件，各社区调委会调处1876件，警民联调工作室化解矛盾纠纷689件。"
        "涉案金额1880万元。"
    ) in text


def test_clauses_of_figures_without_data_are_left_out(tree, writer, fake_figures):
    fake_figures.numbers["disputes.received"][2023] = None
    fake_figures.numbers["disputes.police_joint"][2024] = 0
    report = services.draft_report(writer, tree["a"], 2024)
    text = render_text(to_document(report))
    assert "共接收矛盾纠纷3218件，调解成功3212件" in text
    assert "同比" not in text
    assert "警民联调" not in text


def test_nothing_is_drafted_for_undeclared_figures(tree, writer, monkeypatch):
    from fazhi.figures import registry

    monkeypatch.setattr(registry, "_REGISTRY", {})
    report = services.draft_report(writer, tree["a"], 2024)
    assert not Paragraph.objects.filter(section__report=report, draft_key="disputes.summary").exists()
    assert Paragraph.objects.filter(section__report=report, draft_key="preamble").exists()


def test_edited_paragraph_survives_redrafting(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    paragraph = disputes_paragraph(report)
    edited = "街道全年接收矛盾纠纷{{disputes.received}}件，较上年明显增加。"
    services.save_paragraph(writer, paragraph, paragraph.version, edited)
    fake_figures.numbers["disputes.received"][2024] = 4000
    report.refresh_from_db()
    services.draft(writer, report, report.version)
    paragraph.refresh_from_db()
    assert paragraph.text == edited
    assert paragraph.source == Source.EDITED
    # the figure inside the edited wording still follows the ledger until approval
    assert "全年接收矛盾纠纷4000件" in render_text(to_document(report))


def test_redraft_of_one_paragraph_restores_the_drafted_text(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    paragraph = disputes_paragraph(report)
    paragraph = services.save_paragraph(writer, paragraph, paragraph.version, "人工改写。")
    paragraph = services.redraft_paragraph(writer, paragraph, paragraph.version)
    assert paragraph.source == Source.DRAFTED
    assert paragraph.text.startswith("2024年，街道共接收矛盾纠纷{{disputes.received}}件")


def test_saving_from_an_old_version_is_refused(tree, writer, fake_figures):
    from fazhi.errors import StaleEdit

    report = services.draft_report(writer, tree["a"], 2024)
    paragraph = disputes_paragraph(report)
    services.save_paragraph(writer, paragraph, paragraph.version, "第一次修改。")
    with pytest.raises(StaleEdit):
        services.save_paragraph(writer, paragraph, paragraph.version, "基于旧版本的修改。")


def test_document_numbers_headings_and_skips_empty_chapters(tree, writer, fake_figures):
    report = services.draft_report(writer, tree["a"], 2024)
    doc = to_document(report)
    headings = [(h.level, h.number, h.text) for h in doc.blocks if isinstance(h, Heading)]
    assert headings[0] == (1, "一、", "2024年推进法治政府建设的主要举措和成效")
    assert headings[1] == (2, "（一）", "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义")
    assert headings[2] == (1, "二、", "2024年推进法治政府建设存在的不足和原因")
    # the optional 整改 part, left empty, is not exported (no lone "（一）" under item 二)
    assert headings[3][:2] == (1, "三、")
    assert [h[1] for h in headings if h[0] == 1] == ["一、", "二、", "三、", "四、", "五、"]
    runs = [run for block in doc.blocks if not isinstance(block, Heading) for run in block.spans()]
    assert any(run.text == "3218" and run.figure_code == "disputes.received" for run in runs)
    assert doc.issuer == "甲街道"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1960, "近2000"),
        (1052, "1000余"),
        (1000, "1000"),
        (1500, "1500"),
        (1530, "1500余"),
        (96, "96"),
        (0, "0"),
    ],
)
def test_about_placeholder_rounds_a_count_as_a_report_does(value, written):
    from decimal import Decimal

    from fazhi.reports.figure_source import FigureValue
    from fazhi.reports.placeholders import to_text

    values = {"pufa.reach": FigureValue("pufa.reach", "人", Decimal(value), None)}
    assert to_text("惠及群众{{about:pufa.reach}}人", values) == f"惠及群众{written}人"
