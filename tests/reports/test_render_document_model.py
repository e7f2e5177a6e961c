from datetime import date

import pytest

from fazhi.dates import cn_date
from fazhi.reports.document import (
    Heading,
    Paragraph,
    ReportDocument,
    Run,
    chinese_numeral,
    enumerate_number,
    numbered_headings,
)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_chinese_numerals(number, expected):
    assert chinese_numeral(number) == expected


def test_enumerate_number_per_level():
    assert enumerate_number(1, 3) == "三、"
    assert enumerate_number(2, 12) == "（十二）"
    assert enumerate_number(3, 12) == "12."
    assert enumerate_number(4, 7) == "（7）"


def test_enumerate_number_is_distinct_for_every_index():
    for level in (1, 2, 3, 4):
        numbers = [enumerate_number(level, index) for index in range(1, 100)]
        assert len(set(numbers)) == 99


@pytest.mark.parametrize(("level", "index"), [(0, 1), (5, 1), (1, 0), (2, 100), (3, -1)])
def test_enumerate_number_rejects_out_of_range(level, index):
    with pytest.raises(ValueError, match="应"):
        enumerate_number(level, index)


def test_heading_level_is_checked():
    with pytest.raises(ValueError, match="标题层级"):
        Heading(5, "一、", "x")


def test_paragraph_text_comes_from_runs():
    paragraph = Paragraph.of("共接收矛盾纠纷", Run("3218", "disputes.received"), "件")
    assert paragraph.text == "共接收矛盾纠纷3218件"
    assert paragraph.runs[1] == Run("3218", "disputes.received")
    assert Paragraph("", [Run("a"), Run("b")]) == Paragraph("ab", (Run("a"), Run("b")))


def test_paragraph_text_and_runs_must_agree():
    with pytest.raises(ValueError, match="不一致"):
        Paragraph("共接收3000件", [Run("共接收"), Run("3218", "disputes.received"), Run("件")])


def test_plain_paragraph_spans_are_one_run():
    assert Paragraph("正文").spans() == (Run("正文"),)
    assert Paragraph("").spans() == ()


def test_document_is_immutable_and_accepts_lists():
    doc = ReportDocument(
        "标题", "某街道办事处", date(2025, 2, 18), [Heading(1, "一、", "举措"), Paragraph("正文")]
    )
    assert isinstance(doc.blocks, tuple)
    assert hash(doc)
    with pytest.raises(AttributeError):
        doc.title = "其他"  # type: ignore[misc]
    assert doc.signed_text == "2025年2月18日"
    assert [h.full_text for h in doc.headings()] == ["一、举措"]


def test_document_rejects_foreign_blocks():
    with pytest.raises(TypeError, match="只能是"):
        ReportDocument("标题", "", None, ["一段文字"])


def test_title_lines_split_on_line_breaks():
    doc = ReportDocument("西乡街道2024年\n 法治政府建设年度报告 \n", "", None, [])
    assert doc.title_lines == ["西乡街道2024年", "法治政府建设年度报告"]


def test_chinese_date_has_no_leading_zeros():
    assert cn_date(date(2024, 2, 8)) == "2024年2月8日"
    assert cn_date(date(2024, 12, 18)) == "2024年12月18日"


def test_numbered_headings_restart_below_a_higher_level():
    headings = numbered_headings(
        [(1, "甲"), (2, "乙"), (3, "丙"), (2, "丁"), (3, "戊"), (1, "己"), (2, "庚")]
    )
    assert [h.full_text for h in headings] == [
        "一、甲",
        "（一）乙",
        "1.丙",
        "（二）丁",
        "1.戊",
        "二、己",
        "（一）庚",
    ]
