"""The demo's learning records reproduce the seeds' figures of this work line, and the drafted 五常 2024 report
states them from the ledger rows (a deleted row changes what it says); nothing of it is hand-entered.

五常's own: 驿站 723/197/541/42/135/82, 普法 3000份/6000只/700人次, 法律明白人 22 new and 30 trained, 调解员培训250人次,
item 三 from the leaders' acts, and its own study sessions and exam (观澜's 53 sessions on 129 topics and 西乡's
exam are on their own demo streets: fazhi/learning/demo.py)."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction

from fazhi.disputes.demo import load_demo as load_disputes
from fazhi.figures import registry
from fazhi.figures.demo import load_demo as load_figures
from fazhi.figures.models import ManualValue
from fazhi.learning.demo import load_demo as load_learning
from fazhi.learning.models import AdviserAssignment, ExamRound, LeadershipAct, StudySession
from fazhi.ledger import services as ledger
from fazhi.legal.demo import load_demo as load_legal
from fazhi.litigation.demo import load_demo as load_litigation
from fazhi.orgs.models import Organisation
from tests.conftest import demo_loaded

pytestmark = pytest.mark.django_db

SEED = {
    "services.consultations": 541, "services.enterprise_checkups": 197, "services.lectures": 42,
    "services.posts": 82, "disputes.legal_station": 723, "legal.reviewed_by_station": 135,
    "pufa.materials.fen": 3000, "pufa.materials.zhi": 6000, "pufa.consultations": 700,
    "literate.added": 22, "literate.trained": 30, "training.mediators": 250,
    "study.sessions": 46, "study.topics": 112, "exam.participation_rate": 98, "exam.excellence_rate": 86,
    "lead.planned_law_sessions": 4, "study.law_sessions": 4, "lead.law_meetings": 2, "lead.cases_contacted": 2,
}  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    loaders = (load_disputes, load_legal, load_litigation, load_learning, load_figures)
    with demo_loaded(django_db_blocker, *loaders) as loaded:
        yield loaded


def value(orgs, code, year=2024):
    units = Organisation.objects.subtree_of([orgs["wuchang"]])
    return registry.get(code).compute(units, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def drafted(tmp_path, name="wuchang-2024.txt") -> str:
    output = tmp_path / name
    call_command("annual_report", "wuchang", "2024", output=str(output), stdout=io.StringIO())
    return output.read_text(encoding="utf-8")


def test_the_demo_reproduces_the_seed_figures_from_ledger_rows(demo):
    orgs, _ = demo
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
    orgs, users = demo
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
    _, users = demo
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
    orgs, users = demo
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
    orgs, _ = demo
    units = Organisation.objects.subtree_of([orgs["xixiang"]])
    end = datetime.date(2023, 12, 31)
    # the report's 25 communities, each with its adviser (“由25个社区法律顾问组成”)
    assert registry.get("services.advisers").compute(units, datetime.date(2023, 1, 1), end) == 25
    assert registry.get("services.adviser_coverage").compute(units, datetime.date(2023, 1, 1), end) == 100
    assert AdviserAssignment.objects.filter(org__in=units).count() == 25
    assert registry.get("services.advisers").compute(units, datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)) == 0
    from fazhi.dates import today

    assert registry.get("services.advisers").compute(units, datetime.date(today().year, 1, 1), today()) == 25


def test_the_year_under_way_has_study_events_and_service_tallies_up_to_today(demo):
    """The dashboard of the running year is not empty: a session and an event a month up to today, and the
    驿站's tallies of the months already over; nothing dated after today."""
    from fazhi.dates import today
    from fazhi.learning.models import PufaEvent, ServiceRecord

    orgs, _ = demo
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
