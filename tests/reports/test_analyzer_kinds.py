"""Figures the analyzer used to miss: changes (direction; percent, points, times or a count), counts of
years in a row, and the two figures of a 达标率 phrase."""

from decimal import Decimal
from pathlib import Path

import pytest

from fazhi.reports.analyzer import analyze, analyze_text

FIXTURES = Path(__file__).parent / "fixtures"


def found(text):
    result = analyze_text(text)
    for figure in result.figures:
        assert result.text[figure.start : figure.end] == figure.text
    return result.figures


@pytest.mark.parametrize(
    ("text", "change", "direction", "rate", "measure"),
    [
        ("全镇受理矛盾纠纷1234件，同比上升18.22%。", "同比上升18.22%", "up", "18.22", "percent"),
        ("办理法律援助案件近900件，增长100%。", "增长100%", "up", "100", "percent"),
        ("调解成功率96.35%，较上年下降3个百分点。", "较上年下降3个百分点", "down", "3", "points"),
        ("行政复议收案156件，较2022年增长21.5%。", "较2022年增长21.5%", "up", "21.5", "percent"),
        ("受理信访件25件，同比减少了两倍。", "同比减少了两倍", "down", "2", "times"),
        ("受理纠纷300件，较去年同期减少12件。", "较去年同期减少12件", "down", "12", "count"),
    ],
)
def test_a_change_qualifies_the_figure_before_it(text, change, direction, rate, measure):
    (figure,) = found(text)
    assert figure.kind == "value"
    comparison = figure.comparison
    assert comparison is not None, figure
    assert (comparison.text, comparison.direction, comparison.measure) == (change, direction, measure)
    assert comparison.rate == Decimal(rate)
    assert figure.to_dict()["comparison"]["measure"] == measure


@pytest.mark.parametrize(
    ("text", "change", "direction", "unit"),
    [
        ("各项工作稳步推进，诉讼案件增长100%。", "增长100%", "up", "%"),
        ("调解成功3212件，调解成功率较上年下降3个百分点。", "较上年下降3个百分点", "down", "个百分点"),
        ("行政争议较去年同期减少12件。", "较去年同期减少12件", "down", "件"),
    ],
)
def test_a_change_of_its_own_is_a_figure_of_kind_change(text, change, direction, unit):
    figure = found(text)[-1]
    assert (figure.kind, figure.text, figure.unit, figure.comparison.direction) == (
        "change",
        change,
        unit,
        direction,
    )


@pytest.mark.parametrize("text", ["群众满意度提升为100%。", "覆盖率提高到100%。", "新增3个调解室，增加3个。"])
def test_a_level_or_a_new_count_is_no_change(text):
    assert all(figure.kind == "value" and figure.comparison is None for figure in found(text))


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "subject"),
    [
        ("镇党委书记连续三年获评优秀。", "连续三年", 3, "年", "获评优秀"),
        ("街道连续8年开展述法工作。", "连续8年", 8, "年", "开展述法工作"),
        ("连续3个年度被评为先进。", "连续3个年度", 3, "年", "评为先进"),
        ("连续两届获评法治先进单位。", "连续两届", 2, "届", "获评法治先进单位"),
    ],
)
def test_years_in_a_row(text, written, value, unit, subject):
    (figure,) = found(text)
    assert (figure.kind, figure.text, figure.value, figure.unit, figure.subject) == (
        "years",
        written,
        value,
        unit,
        subject,
    )
    assert figure.code is None and figure.to_dict()["kind"] == "years"


@pytest.mark.parametrize(
    "text",
    [
        "组织163名工作人员参加年度学法考试，达标率100%。",
        "全街道163名工作人员网上学法考试达标率100%。",
        "街道163名工作人员参加考试达标率为100%。",
        "163名工作人员参加学法用法考试，参考率、达标率均达100%。",
    ],
)
def test_both_figures_of_a_pass_rate_phrase(text):
    people, rate = found(text)
    assert (people.value, people.unit, rate.value, rate.unit) == (163, "名", 100, "%")
    assert people.subject.endswith("工作人员")
    assert rate.subject.endswith("率")


def test_the_town_fixture_has_every_kind():
    result = analyze(FIXTURES / "web_town_report.txt")
    kinds = {(f.kind, f.text) for f in result.figures}
    assert {("years", "连续三年"), ("years", "连续８年")} <= kinds
    by_text = {f.text: f for f in result.figures}
    assert by_text["１２３４件"].comparison.text == "同比上升１８．２２％"
    assert by_text["９６．３５％"].comparison.measure == "points"
    assert by_text["三亿五千万元"].base_value == 350_000_000
    assert by_text["三万五千人次"].value == 35000
    assert by_text["１６３名"].subject.endswith("工作人员")
