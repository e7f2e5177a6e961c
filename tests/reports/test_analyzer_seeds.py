"""The three published seed reports: outline, mandated items, metadata and every DOMAIN.md figure."""

import datetime
import re
from decimal import Decimal

import pytest

from fazhi.figures import registry
from fazhi.reports.analyzer import analyze, analyze_text
from tests.conftest import seed_path

GUANLAN = "000_db59382493192273.txt"
XIXIANG = "003_6a7d4b23cf609262.txt"
WUCHANG = "004_8030a51ea79497b7.txt"


def seed(name):
    return analyze(seed_path(name))


@pytest.fixture(scope="module")
def guanlan():
    return seed(GUANLAN)


@pytest.fixture(scope="module")
def xixiang():
    return seed(XIXIANG)


@pytest.fixture(scope="module")
def wuchang():
    return seed(WUCHANG)


def top_level(result):
    return [heading.number + heading.title for heading in result.outline]


def present(result):
    return {item.key: item.present for item in result.mandated}


def figure(result, value, unit, subject=None):
    """The one figure with this value and unit (and subject wording, when several share them)."""
    candidates = [
        f
        for f in result.figures
        if f.kind == "value"
        and f.unit == unit
        and Decimal(str(f.value)) == Decimal(str(value))
        and (subject is None or subject in f.subject)
    ]
    assert candidates, f"figure {value}{unit} ({subject}) not found"
    assert len(candidates) == 1, f"figure {value}{unit} ({subject}) is ambiguous: {candidates}"
    found = candidates[0]
    assert result.text[found.start : found.end] == found.text
    return found


def test_guanlan_top_level_outline(guanlan):
    assert top_level(guanlan) == [
        "一、深入学习习近平总书记重要讲话精神及党的二十届三中全会精神",
        "二、学习贯彻习近平法治思想,推动法治政府建设走深走实",
        "三、落实党政主要负责人履行推进法治建设第一责任人职责",
        "四、2024年推进法治政府建设工作的主要举措和成效",
        "五、2023年法治政府建设中存在问题的改进情况及2024年推进法治政府建设存在的不足和原因",
        "六、2025年推进法治政府建设工作的主要安排",
    ]
    measures = guanlan.outline[3]
    assert [child.number for child in measures.children] == [f"({n})" for n in "一二三四五六七八"]
    assert measures.children[0].title == "强化防线作用,助力矛盾纠纷有效化解"


def test_xixiang_top_level_outline(xixiang):
    assert top_level(xixiang) == [
        "一、深入学习贯彻党的二十大精神和习近平法治思想,加大法治政府建设统筹推进力度",
        "二、健全政府机构职能体系,推动更好发挥政府作用",
        "三、健全行政决策制度体系,不断提升行政决策公信力和执行力",
        "四、健全行政执法工作体系,全面推进严格规范公正文明执法",
        "五、健全突发事件应对体系,依法预防处置重大突发事件",
        "六、健全社会矛盾纠纷行政预防调处化解体系,不断促进社会公平正义",
        "七、健全行政权力制约和监督体系,促进行政权力规范透明运行",
        "八、健全法治政府建设科技保障体系,全面建设数字法治政府",
        "九、完善法治政府建设推进机制",
        "十、2022年度法治政府建设存在问题改进情况",
        "十一、2023年度推进法治政府建设存在的不足和原因",
        "十二、法治政府建设下一步工作安排",
    ]
    first = xixiang.outline[0].children[0]
    assert first.number == "(一)"
    assert [child.number + child.title for child in first.children] == [
        "1.切实抓好理论学习",
        "2.深入推进主题教育",
        "3.大兴调研之风",
    ]


def test_wuchang_top_level_outline(wuchang):
    assert top_level(wuchang) == [
        "一、主要举措和成效",
        "二、存在的问题和不足",
        "三、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设情况",
        "四、2025年工作思路",
        "五、其他需要报告的情况",
    ]


def test_offsets_point_at_headings_and_sections_nest(guanlan, xixiang, wuchang):
    for result in (guanlan, xixiang, wuchang):
        for heading in result.headings():
            assert result.text[heading.start :].startswith(heading.number + heading.title.removesuffix("…"))
            assert heading.start < heading.end <= len(result.text)
            for child in heading.children:
                assert heading.start < child.start and child.end <= heading.end
        for before, after in zip(result.outline, result.outline[1:], strict=False):
            assert before.end < after.start


def test_last_section_stops_before_the_signature(wuchang):
    last = wuchang.outline[-1]
    assert wuchang.text[last.start : last.end] == "五、其他需要报告的情况\n无。"


def test_mandated_items_guanlan_folds_remedy_into_shortcomings(guanlan):
    assert present(guanlan) == {
        "measures": True,
        "shortcomings": True,
        "leadership": True,
        "plans": True,
        "other": False,
        "remedy": True,
    }
    by_key = {item.key: item for item in guanlan.mandated}
    assert by_key["shortcomings"].heading is by_key["remedy"].heading is guanlan.outline[4]
    assert by_key["leadership"].heading is guanlan.outline[2]
    assert by_key["measures"].heading is guanlan.outline[3]
    assert by_key["plans"].heading is guanlan.outline[5]
    assert guanlan.missing == ["other"]


def test_mandated_items_xixiang_follows_the_outline_chapters(xixiang):
    assert present(xixiang) == {
        "measures": True,
        "shortcomings": True,
        "leadership": True,
        "plans": True,
        "other": False,
        "remedy": True,
    }
    by_key = {item.key: item for item in xixiang.mandated}
    assert by_key["measures"].heading is xixiang.outline[1]
    assert by_key["leadership"].heading is xixiang.outline[0].children[2]
    assert by_key["remedy"].heading is xixiang.outline[9]
    assert by_key["shortcomings"].heading is xixiang.outline[10]
    assert by_key["plans"].heading is xixiang.outline[11]


def test_mandated_items_wuchang_has_all_five_in_order(wuchang):
    assert present(wuchang) == {
        "measures": True,
        "shortcomings": True,
        "leadership": True,
        "plans": True,
        "other": True,
        "remedy": False,
    }
    headings = [item.heading for item in wuchang.mandated if item.required]
    assert headings == wuchang.outline
    assert wuchang.missing == []


def test_metadata(guanlan, xixiang, wuchang):
    assert (guanlan.title, guanlan.issuer, guanlan.year, guanlan.signed) == (None, "观澜街道", 2024, None)
    assert xixiang.title == "深圳市宝安区西乡街道办事处关于2023年法治政府建设年度报告"
    assert (xixiang.issuer, xixiang.year, xixiang.signed) == ("深圳市宝安区西乡街道办事处", 2023, None)
    assert wuchang.issuer == "杭州市余杭区人民政府五常街道办事处"
    assert (wuchang.year, wuchang.signed) == (2024, datetime.date(2024, 2, 18))


def test_web_page_chrome_is_stripped(xixiang):
    assert xixiang.format == "web"
    assert xixiang.normalised.startswith(
        "深圳市宝安区西乡街道办事处关于2023年法治政府建设年度报告\n2023年,我街道"
    )
    for chrome in ("您现在的位置", "信息来源", "【字体", "视力保护色", "触碰右侧展开", "首页 >"):
        assert chrome not in xixiang.normalised
    assert xixiang.normalised.endswith("充分发挥社区法律顾问专业优势。")


def test_enumerations(guanlan, wuchang):
    first = guanlan.enumerations[0]
    assert [item.number for item in first.items] == ["一是", "二是", "三是", "四是", "五是"]
    assert first.items[0].text.startswith("一是高效处置精智解纷系统分拨案件")
    assert first.items[0].text.endswith("办结案件230宗。")
    assert first.items[-1].text.endswith("化解轻生人群55人次。")
    plans = next(e for e in wuchang.enumerations if e.start > wuchang.outline[3].start)
    assert [item.text[:8] for item in plans.items] == [
        "一是聚焦法治建设",
        "二是聚焦法治需求",
        "三是聚焦社会稳定",
        "四是聚焦能力建设",
    ]
    for result in (guanlan, wuchang):
        for enumeration in result.enumerations:
            for item in enumeration.items:
                assert result.text[item.start : item.end] == item.text


def test_xixiang_figures(xixiang):
    r = xixiang
    assert figure(r, 4532, "宗", "受理矛盾纠纷").subject == "受理矛盾纠纷"
    assert figure(r, 4430, "宗", "调解成功").subject == "调解成功"
    assert figure(r, 11331, "人").subject == "涉案人数"
    amount = figure(r, 1880, "万元")
    assert (amount.subject, amount.base_value, amount.base_unit) == ("涉案金额", 18_800_000, "元")
    assert figure(r, 1840, "万元").subject == "挽回经济损失"
    assert figure(r, 65, "宗").subject == "说事评理"
    figure(r, 4560, "份", "审查合同")
    figure(r, 228, "份", "法律意见书")
    figure(r, 31, "份", "方案、制度")
    lawsuits = figure(r, 4, "宗", "行政诉讼")
    assert (lawsuits.comparison.direction, lawsuits.comparison.rate) == ("up", 25)
    assert figure(r, 100, "%", "出庭率").comparison.direction == "flat"
    figure(r, 2, "份", "司法建议书")
    figure(r, 2, "份", "检察建议书")
    figure(r, 100, "%", "回复率")
    figure(r, 711, "宗", "执法案卷")
    figure(r, 495, "宗", "普通案件")
    figure(r, 216, "宗", "简易案件")
    figure(r, 128, "宗", "涉企行政处罚")
    figure(r, 858, "次", "检查企业")
    figure(r, 541, "条", "隐患")
    figure(r, 250, "次", "行政处罚")
    fine = figure(r, Decimal("211.6094"), "万元", "罚款")
    assert (fine.base_value, fine.base_unit) == (2_116_094, "元")
    figure(r, 478, "条", "网站留言")
    figure(r, 492, "宗", "网民问政")
    figure(r, 77, "件", "区人大建议")
    figure(r, 44, "件", "区政协提案")
    figure(r, 100, "%", "满意率")
    figure(r, 247, "项", "发现问题")
    figure(r, 114, "条", "审计建议")
    figure(r, 131, "场", "法律五进")
    figure(r, 51, "场", "以案释法")
    figure(r, 100, "%", "参考率")
    figure(r, 93, "%", "优秀率")
    awards = figure(r, Decimal("5467.4733"), "万元")
    assert (awards.base_value, awards.base_unit, awards.subject) == (54_674_733, "元", "发放奖补金额")
    business = figure(r, Decimal("15.6"), "万件")
    assert (business.base_value, business.base_unit) == (156_000, "件")
    visits = figure(r, 2028, "家次")
    assert visits.approx == ["超"] and visits.text == "超2028家次"
    assert figure(r, 2724, "件").comparison.rate == 55  # "受理案件数量同比增长55%" qualifies it


def test_xixiang_oversight_counts_follow_their_totals(xixiang):
    npc = [f for f in xixiang.figures if f.start > figure(xixiang, 77, "件").start][:3]
    assert [(f.value, f.subject) for f in npc] == [(3, "主办"), (3, "承办"), (6, "分办")]


def test_wuchang_figures(wuchang):
    r = wuchang
    received = figure(r, 3218, "件")
    assert received.subject == "接收矛盾纠纷"
    comparison = received.comparison
    assert (comparison.direction, comparison.rate, comparison.rate_unit) == ("up", Decimal("18.22"), "%")
    assert comparison.text == "较去年同比上升18.22%" and comparison.basis == "去年"
    assert figure(r, 3212, "件").subject == "调解成功"
    figure(r, 1298, "件", "街道调委会")
    figure(r, 1876, "件", "社区调委会")
    figure(r, 689, "件")
    contracts = figure(r, 959, "份", "合同")
    assert contracts.approx == ["余"] and contracts.text == "959余份"
    figure(r, 124, "份", "意见书")
    figure(r, 4, "份", "百万元以上合同备案")
    figure(r, 1, "件", "规范性文件初审")
    figure(r, 72, "起", "诉讼案件")
    figure(r, 50, "起", "民事诉讼")
    figure(r, 14, "起", "行政诉讼")
    figure(r, 8, "起", "行政复议")
    figure(r, 41, "份", "判决书")
    figure(r, Decimal("83.33"), "%", "调撤率")
    figure(r, 100, "%", "出庭率")
    figure(r, 22, "名", "法律明白人")
    stations = [f for f in r.figures if f.text == "四个"]
    assert stations and all(f.value == 4 and f.unit == "个" for f in stations)
    figure(r, 723, "起", "调解")
    figure(r, 197, "家", "法治体检")
    figure(r, 541, "次", "法律咨询")
    figure(r, 42, "场", "讲座")
    twice = figure(r, 2, "次")
    assert twice.text == "两次"
    rate_change = next(f for f in r.figures if f.kind == "change")
    assert (rate_change.subject, rate_change.value, rate_change.comparison.direction) == (
        "调解成功率",
        Decimal("21.45"),
        "up",
    )


def test_guanlan_figures(guanlan):
    r = guanlan
    figure(r, 253, "宗", "委派")
    figure(r, 230, "宗", "办结")
    figure(r, 179, "宗", "化解矛盾纠纷")
    figure(r, 5741, "台", "检查相关车辆")
    figure(r, 82, "台", "立案处罚")
    figure(r, 9, "人", "新增执法人员")
    figure(r, 3, "人", "调离")
    figure(r, 6, "张", "注销执法证")
    figure(r, 2, "次", "遗失公告")
    figure(r, 5056, "批", "接访群众")
    figure(r, 135, "场", "居民议事会")
    figure(r, 334, "条", "议题")
    figure(r, 27, "场次", "法治教育讲座")
    figure(r, 5, "宗", "行政复议")
    figure(r, 1, "宗", "撤回")
    funds = figure(r, 900, "万元")
    assert funds.approx == ["约"] and funds.base_value == 9_000_000
    assert figure(r, 51, "件").comparison.rate == 50  # "增幅达50%"
    demands = next(f for f in r.figures if f.kind == "change")
    assert demands.subject == "收集民情民意数量" and demands.comparison.basis == "去年同期"


def test_years_dates_articles_and_law_names_are_not_figures(guanlan, xixiang, wuchang):
    for result in (guanlan, xixiang, wuchang):
        for found in result.figures:
            assert not re.search(r"[年月日号届]$", found.text), found
            assert result.text[found.start - 1] != "第", found
            assert found.unit, found
    law = wuchang.text.index("法治政府建设实施纲要(2021-2025年)")
    signature = wuchang.text.index("2024年2月18日")
    assert not [f for f in wuchang.figures if law <= f.start < law + 30 or f.start >= signature]
    dates = [m.start() for m in re.finditer("12月14日", xixiang.text)]
    assert len(dates) == 5
    assert not [f for f in xixiang.figures if any(d <= f.start < d + 6 for d in dates)]


def test_subject_maps_to_a_declared_figure_code(wuchang):
    # Whatever the ledger apps declare, a figure's code is the registry's answer for its subject, read
    # in the headings it sits under (outermost first) and, for a value, its unit.
    for found in wuchang.figures:
        section = [h.title for h in wuchang.headings() if h.start <= found.start < h.end]
        unit = found.base_unit if found.kind == "value" else None
        expected = registry.code_for_phrase(found.subject, section=section, unit=unit)
        assert found.code == (expected if found.kind != "years" else None)
    code = "test_analyzer_seeds.rare_count"
    registry.declare(registry.Figure(code, "测试专用巡查", "次"))
    try:
        result = analyze_text("开展测试专用巡查7次,走访企业3家。")
    finally:
        registry._REGISTRY.pop(code, None)
    assert (result.figures[0].subject, result.figures[0].code) == ("开展测试专用巡查", code)
    assert result.figures[1].code != code
    assert analyze_text("开展测试专用巡查7次。").figures[0].code is None  # declaration removed
