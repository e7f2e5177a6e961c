"""The whole demo (`fazhi load_demo`, what `make run` loads) on a December day years past the last holiday
notice, loaded once for every check of this module: a full load costs a minute or more, and the suite loaded
it ten times before (the clock on two days, the seed coverage, and the learning, dispute, disclosure,
enforcement, litigation, oversight and petition demos, the last five a part of it each).

- the demo fits its day (issue 10): the day lies inside a year without a holiday notice, its recent records
  are dated across months of it, and their periods run on across 1 January into the next such year
  (tests/demo/fits_its_day.py; a period crossing from a year with a notice into one without is the
  deadline engine's and the records' own tests, tests/deadlines);
- issue 18's measure: the drafted report of each demo office states the published report's figures
  (fazhi.reports.seed_coverage), each share pinned as a floor at what the demo reaches today, so that a change
  to the templates or the demo rows that loses a figure fails here; raise a floor when the demo improves
  (the target is 90%);
- the learning records reproduce the seeds' figures of that work line, and the drafted 五常 2024 report states
  them from the ledger rows (a deleted row changes what it says); nothing of it is hand-entered. 五常's own:
  驿站 723/197/541/42/135/82, 普法 3000份/6000只/700人次, 法律明白人 22 new and 30 trained, 调解员培训250人次,
  item 三 from the leaders' acts, and its own study sessions and exam (观澜's 53 sessions on 129 topics and
  西乡's exam are on their own demo streets: fazhi/learning/demo.py);
- the disputes reproduce the 五常 2024, 西乡 2023 and 观澜 2024 reports' dispute figures;
- disclosure, enforcement, litigation, oversight and petitions theirs (tests/demo/*_checks.py, imported
  below).
"""

import datetime
import importlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction

from fazhi.audit.models import Action, AuditEntry
from fazhi.demo.tree import build_orgs, build_people
from fazhi.disputes.models import Dispute
from fazhi.figures import registry
from fazhi.figures.models import ManualValue
from fazhi.learning.models import AdviserAssignment, ExamRound, LeadershipAct, StudySession
from fazhi.ledger import services as ledger
from fazhi.ledger.models import NumberSequence
from fazhi.orgs.models import Organisation
from fazhi.reports.analyzer import analyze, analyze_text
from fazhi.reports.models import AnnualReport, Paragraph, Source
from fazhi.reports.seed_coverage import compare
from tests.conftest import clock_at, seed_path

# tests/demo/*_checks.py: the other work lines' checks of the demo, run on this module's one load (a module of
# their own loaded the demo again, up to half a minute each on PostgreSQL); pytest collects the test functions
# imported here (test_every_work_lines_check_runs_on_this_load keeps the lists whole).
from tests.demo.disclosure_checks import (  # noqa: F401
    test_annual_report_drafts_the_disclosure_paragraph,
    test_disclosure_has_pauses_extensions_links_and_open_requests,
    test_disclosure_postings_reproduce_the_seed_and_table_two,
    test_disclosure_table_three_adds_up_and_chains_across_years,
)
from tests.demo.enforcement_checks import (  # noqa: F401
    test_annual_report_drafts_the_enforcement_paragraph,
    test_enforcement_pages_open_for_the_officer_and_the_office,
    test_enforcement_years_and_their_figures,
    test_home_board_of_the_enforcement_officer,
    test_the_hundred_day_campaign_is_a_special_action_whose_page_adds_up_its_inspections_and_cases,
    test_xixiangs_2023_is_its_reports_figures_and_no_decision_is_left_unpublished,
)
from tests.demo.figure import value
from tests.demo.fits_its_day import assert_the_demo_fits
from tests.demo.litigation_checks import (  # noqa: F401
    test_litigation_reproduces_the_wuchang_2024_report,
)
from tests.demo.oversight_checks import (  # noqa: F401
    test_oversight_has_the_items_of_the_seeds,
    test_oversight_has_the_suggestions_and_reminders_of_the_seeds,
)
from tests.demo.petitions_checks import (  # noqa: F401
    test_open_petitions_are_near_or_past_their_limits,
    test_petitions_reproduce_the_seed_figures,
    test_the_drafted_report_states_the_petition_and_demand_figures,
    test_wuchang_has_a_year_of_petitions_of_its_own,
)

pytestmark = pytest.mark.django_db

# December of a year without a holiday notice, five years past the last one (chinesecalendar's 2026): the
# periods of the recent records run into the next year, without a notice either.
DAY = datetime.date(2031, 12, 19)


@dataclass
class Demo:
    orgs: dict
    users: dict
    printed: str


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The command's load on DAY, inside a transaction rolled back when the module ends (each test still runs
    in its own savepoint); the clock stays on DAY for the module's tests."""
    out = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic(), clock_at(DAY):
        call_command("load_demo", stdout=out)
        orgs = build_orgs()  # the tree and the people as the command left them
        yield Demo(orgs, build_people(orgs), out.getvalue())
        transaction.set_rollback(True)


def test_the_demo_fits_a_december_day(demo, django_user_model):
    assert_the_demo_fits(DAY, demo.printed, django_user_model)


def test_every_work_lines_check_runs_on_this_load():
    """A test added to a *_checks module and not imported above would never run."""
    folder = Path(__file__).parent
    for path in sorted(folder.glob("*_checks.py")):
        module = importlib.import_module(f"tests.demo.{path.stem}")
        checks = {name for name in vars(module) if name.startswith("test_")}
        assert checks and checks <= set(globals()), (
            f"{path.name}：{sorted(checks - set(globals()))} 未在本模块导入"
        )


# --- the drafted reports state the published reports' figures (issue 18) ---------------------------------

WUCHANG_2024 = "004_8030a51ea79497b7.txt"
XIXIANG_2023 = "003_6a7d4b23cf609262.txt"
GUANLAN_2024 = "000_db59382493192273.txt"
# Measured 2026-12-01: 43 of 46 figures (93.5%; 33 before the 调解经费 catalogue, 其他文书 with its 裁定书, the
# 驿站 counts and the rounded counts 近2000人/1000余人次). What is missing: 调解成功率's change (the report writes
# a rate's change in 个百分点), 30名 法律明白人 (the ledger counts attendance, 人次) and the 驿站's 2000余份 of
# materials since they opened (no ledger records them).
WUCHANG_FLOOR = 43 / 46
# Measured 2026-12-02: 105 of 108 figures (97.2%; issue 18 asks for 90%; 104 while the transition audits were
# counted in 个). What is missing: "处理行政诉讼4宗，较2022年同比增长25%" (a rise in lawsuits is never drafted, and
# 4 on 3 is 33%, not 25%), "开庭审理1宗" (the figure counts hearings, 次, not cases heard) and "出庭率100%，较2022年
# 同比增长0%" (no 2022 hearings in the demo).
XIXIANG_FLOOR = 105 / 108
# Measured 2026-12-01: 53 of 53 figures (100%). From the ledgers: disputes (委派253/办结230, 调解成功300, 心理服务179),
# petitions (5056批/24批), demands (增长100%, 51件 增幅50%), 议事会 135/334, study 53场/129个, trainings 600余人次,
# 学考平台185名, 普法27场次, litigation (复议5宗, 撤回1宗, 分析会5场 and the annual one), 提醒函5份, enforcement
# (5741台, 立案82台, 视频巡查6105宗, 新增9人, 调离3人, 注销6张, 遗失公告2次); the other 26 (应急处突, 招聘会, 助企,
# 答复书模板, 法院调查, 公开信息七项, 述职/茶话会, 民生微实事, 联系点, 立法联系点, AI摄像头) hand-entered.
GUANLAN_FLOOR = 53 / 53


def stated(tmp_path, org_code, year, seed, floor) -> set[str]:
    """The published figures the drafted report states, once their share is checked to reach ``floor``."""
    output = tmp_path / f"{org_code}-{year}.txt"
    call_command("annual_report", org_code, str(year), output=str(output), stdout=io.StringIO())
    found = compare(seed_path(seed).read_text(encoding="utf-8"), output.read_text(encoding="utf-8"))
    assert found.share >= floor, [figure.text for figure in found.missing]
    return {figure.text for figure in found.stated}


def test_wuchangs_draft_states_the_published_figures_at_least_as_well_as_measured(demo, tmp_path):
    found = stated(tmp_path, "wuchang", 2024, WUCHANG_2024, WUCHANG_FLOOR)
    assert {"3218件", "3212件", "72起"} <= found
    # the catalogue's money (written without 元), the counts of 驿站, and counts a report rounds
    assert {"44万", "40万", "10万元", "20万", "两个", "四个", "43份", "1000余人次", "近2000人"} <= found


def test_xixiangs_draft_states_nine_tenths_of_its_published_figures(demo, tmp_path):
    assert XIXIANG_FLOOR >= 0.9
    found = stated(tmp_path, "xixiang", 2023, XIXIANG_2023, XIXIANG_FLOOR)
    # from the ledgers: enforcement, disputes, legal review, oversight, learning; and one hand-entered
    assert {"711宗", "211.6094万元", "430件", "4532宗", "1840万元", "4560份", "59件", "93%"} <= found
    assert "5467.4733万元" in found and "27家" in found


def test_guanlans_draft_states_nine_tenths_of_its_published_figures(demo, tmp_path):
    assert GUANLAN_FLOOR >= 0.9
    found = stated(tmp_path, "guanlan", 2024, GUANLAN_2024, GUANLAN_FLOOR)
    # from the ledgers (enforcement, disputes, petitions, demands' change, learning) and hand-entered
    assert {"5741台", "82台", "6105宗", "9人", "6张", "253宗", "179宗", "5056批", "51件"} <= found
    assert "较去年同期增长100%" in found
    assert {"53场", "129个", "600余人次", "185名", "43人", "约900万元", "七项", "476个"} <= found


def test_guanlans_published_meetings_read_back_as_its_ledger_counts_them(demo):
    """观澜 writes "开展涉诉案件分析会5场、年度涉诉案件总结分析会1场": read back, the 5 are the regular meetings (the
    ledger holds 6 in all), so the comparison with the ledger finds no difference."""
    read = analyze(seed_path(GUANLAN_2024))
    meetings = {
        f.text: f.code for f in read.figures if (f.code or "").startswith("litigation.analysis_meetings")
    }
    assert meetings == {
        "5场": "litigation.analysis_meetings.regular",
        "1场": "litigation.analysis_meetings.annual",
    }
    counted = {text: value(demo.orgs, code, street="guanlan") for text, code in meetings.items()}
    assert counted == {"5场": 5, "1场": 1}


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


# --- learning, 普法 and legal services ------------------------------------------------------------------

SEED = {
    "services.consultations": 541, "services.enterprise_checkups": 197, "services.lectures": 42,
    "services.posts": 82, "disputes.legal_station": 723, "legal.reviewed_by_station": 135,
    "pufa.materials.fen": 3000, "pufa.materials.zhi": 6000, "pufa.consultations": 700,
    "literate.added": 22, "literate.trained": 30, "training.mediators": 250,
    "study.sessions": 46, "study.topics": 112, "exam.participation_rate": 98, "exam.excellence_rate": 86,
    "lead.planned_law_sessions": 4, "study.law_sessions": 4, "lead.law_meetings": 2, "lead.cases_contacted": 2,
}  # fmt: skip


def drafted(tmp_path, name="wuchang-2024.txt") -> str:
    output = tmp_path / name
    call_command("annual_report", "wuchang", "2024", output=str(output), stdout=io.StringIO())
    return output.read_text(encoding="utf-8")


def test_the_demo_reproduces_the_seed_figures_from_ledger_rows(demo):
    orgs = demo.orgs
    assert {code: value(orgs, code) for code in SEED} == SEED
    # the 驿站 and 普法 figures are the ledger's: no hand-entered value of 五常 stands beside them
    hand = ManualValue.objects.filter(org=orgs["wuchang"], year=2024, baseline=False)
    assert set(hand.values_list("figure__code", flat=True)) == {
        "manual.mediation_funding",
        "manual.prelitigation_funding",
        "manual.award_subsidy_budget",
        "manual.source_governance_funding",
    }  # 调解经费 only: no ledger keeps budgets
    # four community 驿站 served in 2024; 文一 and 邱桥 began that year (永福 and 沿山河 piloted in 2023)
    assert value(orgs, "services.stations") == 4
    assert value(orgs, "services.stations_new") == 2
    assert value(orgs, "services.stations", 2023) == 2
    assert value(orgs, "disputes.legal_station", 2025) == 0  # the station's part is a link on 2024's disputes


def test_the_drafted_report_states_them(demo, tmp_path):
    text = drafted(tmp_path)
    assert (
        "2024年，街道公共法律服务驿站参与矛盾纠纷调解723起，走访企业并法治体检197家，提供法律咨询和法律服务541次，"
        "开展法律讲座42场，参与合法性审查135件，信息宣传82篇。"
    ) in text
    assert "发放普法宣传资料3000份，制作发放法治宣传袋6000只，接受法律咨询700人次" in text
    assert "培育新增法律明白人22名，组织法律明白人参加培训30人次。" in text
    assert "2024年，街道共有4个公共法律服务驿站提供法律服务，其中当年新建2个。" in text
    assert "惠及群众近2000人" in text  # 1960: the reach is an estimate, written as the report rounds it
    assert "受理群体性矛盾纠纷18件，涉及1000余人次" in text  # 1052 persons in the group disputes
    assert "其他文书43份" in text and "裁定书" not in text
    assert "2024年，街道组织开展学法活动46场，学习主题112个，举办领导干部法治讲座1场。" in text
    assert "组织调解员业务培训250人次。" in text
    assert "组织学法考试，参考率98%，优秀率86%。" in text
    item_three = text[text.index("三、") : text.index("四、")]
    assert (
        "年初制发年度党工委会议学法计划，安排会前学法4次，全年于2月26日、5月14日、8月20日、11月12日开展党工委会议"
        "会前学法4次，党政主要负责人主持学法45次。"  # the 4 会前学法 and the 中心组's 41
    ) in item_three
    assert "于3月15日、8月16日召开党工委（办事处）会议专题研究法治建设2次" in item_three
    assert "包案化解矛盾纠纷和行政争议2件" in item_three and "出庭应诉" in item_three


def test_deleting_a_row_changes_what_the_report_says(demo, tmp_path):
    orgs, users = demo.orgs, demo.users
    office = users["fazhiban"]
    with transaction.atomic():
        weekly = StudySession.objects.filter(
            org=orgs["wuchang"], kind="centre_group", held_on__year=2024
        ).first()
        ledger.delete(office, weekly, weekly.version)
        exam = ExamRound.objects.get(org=orgs["wuchang"], held_on__year=2024)
        ledger.delete(office, exam, exam.version)
        assert value(orgs, "study.sessions") == 45
        assert value(orgs, "study.topics") == 112 - weekly.topic_count
        text = drafted(tmp_path, "after.txt")
        assert f"组织开展学法活动45场，学习主题{112 - weekly.topic_count}个" in text
        assert "学法考试" not in text  # no round recorded: nothing is claimed
        transaction.set_rollback(True)
    assert value(orgs, "study.sessions") == 46


def test_the_dashboard_shows_this_work_line_with_its_change_on_2023(demo, client):
    users = demo.users
    client.force_login(users["fazhiban"])
    response = client.get("/figures/", {"org": "wuchang", "year": "2024"})
    page = BeautifulSoup(response.content, "html.parser")
    cards = {
        card["data-code"]: (card.select_one(".value").text, card.select_one(".change").text)
        for card in page.select(".kpi")
    }
    assert cards["study.sessions"] == ("46场", "同比上升4.55%")  # 44 in 2023
    assert cards["training.person_times"] == (
        "280人次",
        "同比上升55.56%",
    )  # 250 mediators + 30 法律明白人; 180
    assert cards["pufa.events"] == ("3场", "同比上升50%")
    assert cards["pufa.reach"] == ("1960人", "同比上升50.77%")  # 1300 in 2023
    assert cards["services.consultations"] == ("541次", "同比上升745.31%")  # the stations opened late in 2023


def test_without_a_study_plan_item_three_still_writes_the_sessions_held(demo, tmp_path):
    orgs, users = demo.orgs, demo.users
    with transaction.atomic():
        plan = LeadershipAct.objects.get(org=orgs["wuchang"], kind="study_plan", held_on__year=2024)
        ledger.delete(users["fazhiban"], plan, plan.version)
        item_three = (text := drafted(tmp_path, "no-plan.txt"))[text.index("三、") : text.index("四、")]
        assert "学法计划" not in item_three
        assert (
            "2024年，街道党工委将领导干部学法作为避免行政争议产生的重要抓手，于2月26日、5月14日、8月20日、11月12日"
            "开展党工委会议会前学法4次，党政主要负责人主持学法45次。"
        ) in item_three
        transaction.set_rollback(True)
    # with the plan, the sentence is written once, the planned way
    item_three = (text := drafted(tmp_path))[text.index("三、") : text.index("四、")]
    assert item_three.count("开展党工委会议会前学法4次") == 1 and "安排会前学法4次" in item_three


def test_xixiangs_communities_have_their_advisers(demo):
    orgs = demo.orgs
    units = Organisation.objects.subtree_of([orgs["xixiang"]])
    # the report's 25 communities, each with its adviser (“由25个社区法律顾问组成”)
    assert value(orgs, "services.advisers", 2023, "xixiang") == 25
    assert value(orgs, "services.adviser_coverage", 2023, "xixiang") == 100
    assert AdviserAssignment.objects.filter(org__in=units).count() == 25
    assert value(orgs, "services.advisers", 2022, "xixiang") == 0
    from fazhi.dates import today

    assert registry.get("services.advisers").compute(units, datetime.date(today().year, 1, 1), today()) == 25


def test_the_year_under_way_has_study_events_and_service_tallies_up_to_today(demo):
    """The dashboard of the running year is not empty: a session and an event a month up to today, and the
    驿站's tallies of the months already over; nothing dated after today."""
    from fazhi.dates import today
    from fazhi.learning.models import PufaEvent, ServiceRecord

    orgs = demo.orgs
    now = today()
    units = Organisation.objects.subtree_of([orgs["wuchang"]])
    start = datetime.date(now.year, 1, 1)

    def so_far(code):
        return registry.get(code).compute(units, start, now)

    assert so_far("study.sessions") == now.month and so_far("pufa.events") == now.month
    closed = sum(1 for month in range(1, now.month + 1) if datetime.date(now.year, month, 28) <= now)
    assert so_far("services.consultations") == 45 * closed
    assert not StudySession.objects.filter(held_on__gt=now).exists()
    assert not PufaEvent.objects.filter(held_on__gt=now).exists()
    assert not ServiceRecord.objects.filter(served_on__gt=now).exists()


# --- disputes ------------------------------------------------------------------------------------------


def test_demo_reproduces_the_wuchang_2024_report(demo):
    orgs = demo.orgs

    def year(code, y):
        return value(orgs, code, y)

    assert year("disputes.received", 2024) == 3218
    assert year("disputes.received", 2023) == 2722
    assert round((3218 / 2722 - 1) * 100, 2) == 18.22
    assert year("disputes.mediated_success", 2024) == 3212
    assert year("disputes.received.street_committee", 2024) == 1298
    assert year("disputes.received.community_committee", 2024) == 1876
    assert year("disputes.police_joint", 2024) == 689
    assert year("disputes.success_rate", 2023) < year("disputes.success_rate", 2024)
    # amounts in the seeds' magnitude (西乡 2023: 1880万元 involved, 1840万元 recovered over 4532 disputes)
    assert 5_000_000 < year("disputes.amount_recovered", 2024) < 40_000_000
    assert Dispute.objects.filter(org__code="cangqian-tw").exists()
    open_now = Dispute.objects.filter(Dispute.open_q())
    assert open_now.count() >= 30 and any(d.deadline_status() == "overdue" for d in open_now)
    # numbering continues after the demo: the sequence's last equals the highest number given
    seq = NumberSequence.objects.get(org=orgs["wuchang-tw"], kind="调", year=2024)
    assert Dispute.objects.filter(number=f"五常街调〔2024〕{seq.last:04d}号").exists()
    assert (
        AuditEntry.objects.filter(action=Action.IMPORT, target_type="disputes.dispute").count() == 7
    )  # 五常's four years, 仓前, 西乡, 观澜


def test_demo_reproduces_the_xixiang_2023_and_guanlan_2024_reports(demo):
    """西乡 2023: 受理矛盾纠纷4532宗，调解成功4430宗，涉案人数11331人，涉案金额1880万元，挽回经济损失1840万元;
    处理30人以上重大劳资纠纷12宗. 观澜 2024: 委派至青年律师调解员纠纷案件253宗，办结案件230宗; 成功调解矛盾纠纷
    300余宗; 心理服务参与协助化解矛盾纠纷179宗."""
    orgs = demo.orgs
    xixiang = Organisation.objects.subtree_of([orgs["xixiang"]])

    def year(code):
        return value(orgs, code, 2023, "xixiang")

    assert (year("disputes.received"), year("disputes.mediated_success")) == (4532, 4430)
    assert year("disputes.persons_involved") == 11331
    assert (year("disputes.amount_involved"), year("disputes.amount_recovered")) == (18_800_000, 18_400_000)
    assert year("disputes.group_disputes") == 12
    group = Dispute.objects.filter(org__in=xixiang, is_group=True)
    assert {d.dispute_type.name for d in group} == {"劳资"}
    # a dispute never recovers more than it involved
    assert not [
        d for d in Dispute.objects.filter(org__in=xixiang) if (d.amount_recovered or 0) > d.amount_involved
    ]

    def guanlans(code):
        return value(orgs, code, street="guanlan")

    assert (guanlans("disputes.dispatched"), guanlans("disputes.dispatched_closed")) == (253, 230)
    assert (guanlans("disputes.mediated_success"), guanlans("disputes.psych_service")) == (300, 179)
    lawyers = Dispute.objects.filter(org=orgs["guanlan-ls"])
    assert lawyers.count() == 253 and all(d.received_by_id == orgs["guanlan-tw"].pk for d in lawyers)
