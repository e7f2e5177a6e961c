"""Numbers as reports write them, and what the analyzer does and does not count as a figure."""

from decimal import Decimal

import pytest

from fazhi.reports.analyzer import analyze_text
from fazhi.reports.analyzer.numerals import chinese_to_int, parse_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("三千五百", 3500),
        ("一万二千", 12000),
        ("二〇二四", 2024),
        ("万", None),
        ("十x", None),
        ("", None),
    ],
)
def test_chinese_numerals(written, value):
    assert chinese_to_int(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1.2万", Decimal(12000)),
        ("5467.4733万", Decimal(54674733)),
        ("3,456", Decimal(3456)),
        ("十二", Decimal(12)),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == value


def figures(text):
    result = analyze_text(text)
    for found in result.figures:
        assert result.text[found.start : found.end] == found.text
    return result.figures


def one(text):
    (found,) = figures(text)
    return found


@pytest.mark.parametrize(
    ("text", "value", "unit", "base_value", "base_unit"),
    [
        ("开展两次培训。", 2, "次", 2, "次"),
        ("召开十二场会议。", 12, "场", 12, "场"),
        ("受理一百零五件。", 105, "件", 105, "件"),
        ("受理业务1.2万件。", Decimal("1.2"), "万件", 12000, "件"),
        ("发放奖补金额为5467.4733万元。", Decimal("5467.4733"), "万元", 54674733, "元"),
        ("罚款3,456元。", 3456, "元", 3456, "元"),
        ("投入40万经费。", 40, "万", 400000, None),
        ("办结率99.97%。", Decimal("99.97"), "%", Decimal("99.97"), "%"),
        ("惠及1.5万人次。", Decimal("1.5"), "万人次", 15000, "人次"),
    ],
)
def test_values_and_units(text, value, unit, base_value, base_unit):
    found = one(text)
    assert (found.value, found.unit, found.base_value, found.base_unit) == (
        value,
        unit,
        base_value,
        base_unit,
    )
    assert type(found.value) is type(value)


@pytest.mark.parametrize(
    ("text", "written", "approx"),
    [
        ("合同959余份。", "959余份", ["余"]),
        ("惠及群众近2000人。", "近2000人", ["近"]),
        ("走访企业超2028家次。", "超2028家次", ["超"]),
        ("资金约900万元。", "约900万元", ["约"]),
        ("参加1000多人。", "1000多人", ["多"]),
        ("发放资料约2000余份。", "约2000余份", ["约", "余"]),
        ("服务100人左右。", "100人左右", ["左右"]),
        ("培训十余场。", "十余场", ["余"]),
        ("受理12件。", "12件", []),
    ],
)
def test_approximations(text, written, approx):
    found = one(text)
    assert (found.text, found.approx) == (written, approx)


@pytest.mark.parametrize(
    "text",
    [
        "2024年2月18日",
        "根据《法治政府建设实施纲要(2021-2025年)》。",
        "依照行政处罚法第二十五条、第36条规定。",
        "一、主要举措和成效\n(一)强化调解\n1.做细审查\n(1)完善机制",
        "一是健全机制,二是强化保障。",
        "落实“三个一”机制,推进一案一策、一件事一次办、五位一体。",
        "处理30人以上重大劳资纠纷。",
        "开展12.4国家宪法日活动,拨打12345热线,截至12月14日。",
        "落实1+6+N工作体系,第二届理事会,第二期培训班。",
        "化解数十起纠纷。",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("街道共接收矛盾纠纷3218件。", "接收矛盾纠纷"),
        ("2024年街道共接收矛盾纠纷3218件,调解成功3212件。", "接收矛盾纠纷"),
        ("参演人数共计5152人。", "参演人数"),
        ("我街道2023年学法考试参考率100%。", "学法考试参考率"),
        ("行政诉讼调撤率达到83.33%。", "行政诉讼调撤率"),
        ("其中“说事评理”65宗。", "说事评理"),
        ("全市域通办受理量(包含社区)2643件。", "全市域通办受理量"),
        ("2024年新增执法人员9人,注销6张执法证。", "新增执法人员"),
        ("一是成立专班,开展53场学习会议。", "开展学习会议"),
    ],
)
def test_subjects(text, subject):
    assert figures(text)[0].subject == subject


def test_parallel_figures_take_the_noun_that_follows():
    first, second = figures("新增17个居委会联系点和16个工业园区联系点。")
    assert first.subject == "新增居委会联系点"
    assert second.subject == "工业园区联系点"


def test_comparisons_are_linked_to_the_figure_they_qualify():
    received, mediated, rate = figures(
        "共接收矛盾纠纷3218件,较去年同比上升18.22%,调解成功3212件,调解成功率同比下降2.5个百分点。"
    )
    assert received.comparison.text == "较去年同比上升18.22%"
    assert (received.comparison.direction, received.comparison.rate, received.comparison.basis) == (
        "up",
        Decimal("18.22"),
        "去年",
    )
    assert mediated.comparison is None and mediated.subject == "调解成功"
    assert rate.kind == "change" and rate.subject == "调解成功率"
    assert (rate.comparison.direction, rate.value, rate.unit) == ("down", Decimal("2.5"), "个百分点")


@pytest.mark.parametrize(
    ("text", "direction", "rate"),
    [
        ("处理行政诉讼4宗,较2022年同比增长25%。", "up", 25),
        ("受理案件2724件,受理案件数量同比增长55%。", "up", 55),
        ("解决民生诉求51件,增幅达50%。", "up", 50),
        ("投诉120件,同比下降12.5%。", "down", Decimal("12.5")),
        ("出庭率100%,较2022年同比增长0%。", "flat", 0),
    ],
)
def test_comparison_directions(text, direction, rate):
    found = figures(text)[0]
    assert found.kind == "value"
    assert (found.comparison.direction, found.comparison.rate) == (direction, rate)


def test_a_level_is_not_a_comparison():
    (found,) = figures("办结率提升到100%。")
    assert found.comparison is None and found.unit == "%"


def test_comparison_in_another_sentence_stands_alone():
    count, change = figures("受理纠纷12件。收集民意数量较去年同期增长100%。")
    assert count.comparison is None
    assert (
        change.kind == "change" and change.subject == "收集民意数量" and change.comparison.basis == "去年同期"
    )
