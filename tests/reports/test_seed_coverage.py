"""Issue 18's measure on the demo: the drafted report of each demo office states the published report's
figures (fazhi.reports.seed_coverage). Each share is pinned as a floor at what the demo reaches today,
so that a change to the templates or the demo rows that loses a figure fails here; raise a floor when
the demo improves (the target is 90%)."""

import io

import pytest
from django.core.management import call_command

from fazhi import demo as demo_loaders
from fazhi.reports.analyzer import analyze_text
from fazhi.reports.models import AnnualReport, Paragraph, Source
from fazhi.reports.seed_coverage import compare
from tests.conftest import demo_loaded, seed_path

pytestmark = pytest.mark.django_db

WUCHANG_2024 = "004_8030a51ea79497b7.txt"
XIXIANG_2023 = "003_6a7d4b23cf609262.txt"
GUANLAN_2024 = "000_db59382493192273.txt"
# Measured 2026-12-01: 43 of 46 figures (93.5%; 33 before the 调解经费 catalogue, 其他文书 with its 裁定书, the
# 驿站 counts and the rounded counts 近2000人/1000余人次). What is missing: 调解成功率's change (the report writes
# a rate's change in 个百分点), 30名 法律明白人 (the ledger counts attendance, 人次) and the 驿站's 2000余份 of
# materials since they opened (no ledger records them).
WUCHANG_FLOOR = 43 / 46
# Measured 2026-11-30: 104 of 108 figures (96.3%; issue 18 asks for 90%). What is missing: "处理行政诉讼4宗，
# 较2022年同比增长25%" (a rise in lawsuits is never drafted, and 4 on 3 is 33%, not 25%), "开庭审理1宗" (no
# template states the hearings), "出庭率100%，较2022年同比增长0%" (no 2022 hearings in the demo) and "27家"
# 股份合作公司 (the audit template counts projects in 个).
XIXIANG_FLOOR = 104 / 108
# Measured 2026-12-01: 53 of 53 figures (100%). From the ledgers: disputes (委派253/办结230, 调解成功300, 心理服务179),
# petitions (5056批/24批), demands (增长100%, 51件 增幅50%), 议事会 135/334, study 53场/129个, trainings 600余人次,
# 学考平台185名, 普法27场次, litigation (复议5宗, 撤回1宗, 分析会5场 and the annual one), 提醒函5份, enforcement
# (5741台, 立案82台, 视频巡查6105宗, 新增9人, 调离3人, 注销6张, 遗失公告2次); the other 26 (应急处突, 招聘会, 助企,
# 答复书模板, 法院调查, 公开信息七项, 述职/茶话会, 民生微实事, 联系点, 立法联系点, AI摄像头) hand-entered.
GUANLAN_FLOOR = 53 / 53


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Every demo loader, once for the module: the report drafts from every ledger."""
    with demo_loaded(django_db_blocker, *demo_loaders.loaders()) as loaded:
        yield loaded


def coverage(tmp_path, org_code, year, seed):
    output = tmp_path / f"{org_code}-{year}.txt"
    call_command("annual_report", org_code, str(year), output=str(output), stdout=io.StringIO())
    return compare(seed_path(seed).read_text(encoding="utf-8"), output.read_text(encoding="utf-8"))


def test_wuchangs_draft_states_the_published_figures_at_least_as_well_as_measured(demo, tmp_path):
    found = coverage(tmp_path, "wuchang", 2024, WUCHANG_2024)
    assert found.share >= WUCHANG_FLOOR, [figure.text for figure in found.missing]
    stated = {figure.text for figure in found.stated}
    assert {"3218件", "3212件", "72起"} <= stated
    # the catalogue's money (written without 元), the counts of 驿站, and counts a report rounds
    assert {"44万", "40万", "10万元", "20万", "两个", "四个", "43份", "1000余人次", "近2000人"} <= stated


def test_xixiangs_draft_states_nine_tenths_of_its_published_figures(demo, tmp_path):
    found = coverage(tmp_path, "xixiang", 2023, XIXIANG_2023)
    assert found.share >= XIXIANG_FLOOR >= 0.9, [figure.text for figure in found.missing]
    stated = {figure.text for figure in found.stated}
    # from the ledgers: enforcement, disputes, legal review, oversight, learning; and one hand-entered
    assert {
        "711宗",
        "211.6094万元",
        "430件",
        "4532宗",
        "1840万元",
        "4560份",
        "59件",
        "93%",
        "5467.4733万元",
    } <= stated


def test_guanlans_draft_states_nine_tenths_of_its_published_figures(demo, tmp_path):
    found = coverage(tmp_path, "guanlan", 2024, GUANLAN_2024)
    assert found.share >= GUANLAN_FLOOR >= 0.9, [figure.text for figure in found.missing]
    stated = {figure.text for figure in found.stated}
    # from the ledgers (enforcement, disputes, petitions, demands' change, learning) and hand-entered
    assert {"5741台", "82台", "6105宗", "9人", "6张", "253宗", "179宗", "5056批", "较去年同期增长100%", "51件"} <= stated
    assert {"53场", "129个", "600余人次", "185名", "43人", "约900万元", "七项", "476个"} <= stated


def test_guanlans_draft_is_in_its_outline_and_types_no_figure(demo):
    report = AnnualReport.objects.get(org__code="guanlan", year=2024)
    top = [s.title for s in report.sections.filter(parent=None, heading=True).order_by("order")]
    # its province's order: the two study parts, then the 第一责任人, then the measures
    assert top[0].startswith("深入学习习近平总书记重要讲话精神")
    assert top[1].startswith("学习贯彻习近平法治思想")
    assert top[2].startswith("落实党政主要负责人履行推进法治建设第一责任人职责")
    assert top[3].endswith("主要举措和成效")
    measures = report.sections.get(key="measures")
    heads = [s.title for s in report.sections.filter(parent=measures).order_by("order")]
    assert len(heads) == 8 and heads[0].startswith("强化防线作用") and heads[-1].startswith("科技手段助力")
    typed = Paragraph.objects.filter(section__report=report, source=Source.EDITED)
    assert typed.count() >= 10
    for paragraph in typed:
        bare = analyze_text(paragraph.text.replace("2023年", "").replace("2024年", ""))
        assert bare.figures == [], (paragraph.text, [f.text for f in bare.figures])


def test_xixiangs_draft_is_in_its_outline_and_types_no_figure(demo):
    report = AnnualReport.objects.get(org__code="xixiang", year=2023)
    measures = report.sections.get(key="measures")
    first = report.sections.filter(parent=measures).order_by("order").first()
    assert first.title.startswith("深入学习贯彻党的二十大精神和习近平法治思想")
    # the 法治办's own paragraphs quote figures only through placeholders: the text as stored has no figure
    typed = Paragraph.objects.filter(section__report=report, source=Source.EDITED)
    assert typed.count() >= 10
    for paragraph in typed:
        assert "{{" in paragraph.text
        bare = analyze_text(paragraph.text.replace("2022－2023年", "").replace("2023年", ""))
        assert bare.figures == [], (paragraph.text, [f.text for f in bare.figures])


def test_the_command_prints_the_share_and_each_missing_figure_with_its_sentence(demo):
    out = io.StringIO()
    call_command("seed_coverage", "wuchang", "2024", str(seed_path(WUCHANG_2024)), stdout=out)
    printed = out.getvalue()
    assert "写出已发布报告数字" in printed and "%" in printed
    assert "30名（" in printed and "组织社区“法律明白人”30名参加" in printed
