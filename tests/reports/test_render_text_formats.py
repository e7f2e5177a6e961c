from datetime import date

from fazhi.reports.document import Heading, Paragraph, ReportDocument, Run
from fazhi.reports.render_text import escape_markdown, render_markdown, render_text


def sample_document(**changes) -> ReportDocument:
    fields = {
        "title": "五常街道2024年\n法治政府建设年度报告",
        "issuer": "五常街道办事处",
        "signed": date(2025, 2, 18),
        "blocks": [
            Heading(1, "一、", "主要举措和成效"),
            Heading(2, "（一）", "矛盾纠纷化解"),
            Paragraph.of("共接收矛盾纠纷", Run("3218", "disputes.received"), "件。"),
            Heading(3, "1.", "调委会"),
            Heading(4, "（1）", "警民联调"),
            Heading(1, "二、", "存在的不足和原因"),
            Paragraph("第一行\n第二行"),
        ],
    }
    fields.update(changes)
    return ReportDocument(**fields)


def test_text_is_one_line_per_block_like_the_published_reports():
    assert render_text(sample_document()) == (
        "五常街道2024年\n"
        "法治政府建设年度报告\n"
        "\n"
        "一、主要举措和成效\n"
        "（一）矛盾纠纷化解\n"
        "共接收矛盾纠纷3218件。\n"
        "1.调委会\n"
        "（1）警民联调\n"
        "二、存在的不足和原因\n"
        "第一行 第二行\n"
        "\n"
        "五常街道办事处\n"
        "2025年2月18日\n"
    )


def test_text_without_issuer_or_date_has_no_closing_block():
    text = render_text(sample_document(issuer=" ", signed=None, blocks=[Paragraph("正文。")]))
    assert text == "五常街道2024年\n法治政府建设年度报告\n\n正文。\n"


def test_markdown_headings_in_order_below_the_title():
    markdown = render_markdown(sample_document())
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# 五常街道2024年法治政府建设年度报告",
        "## 一、主要举措和成效",
        "### （一）矛盾纠纷化解",
        "#### 1\\.调委会",
        "##### （1）警民联调",
        "## 二、存在的不足和原因",
    ]
    assert "\n\n共接收矛盾纠纷3218件。\n\n" in markdown
    assert markdown.endswith("\n\n五常街道办事处  \n2025年2月18日\n")


def test_markdown_keeps_markup_characters_literal():
    doc = sample_document(blocks=[Paragraph("1. 第*一*项 [注] <b>粗</b> #话题 a_b"), Paragraph("- 不是列表")])
    markdown = render_markdown(doc)
    assert "1\\. 第\\*一\\*项 \\[注\\] \\<b\\>粗\\</b\\> \\#话题 a\\_b" in markdown
    assert "\n\\- 不是列表\n" in markdown
    assert "<b>" not in markdown


def test_escape_markdown_leaves_plain_chinese_and_inner_numbers_alone():
    sentence = "同比上升18.22%，调解成功3212件。"
    assert escape_markdown(sentence) == sentence
