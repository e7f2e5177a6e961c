import datetime
import io

import pytest

from fazhi.demo.tree import build_orgs, build_people
from fazhi.disputes.demo import load_demo as load_disputes
from fazhi.figures import registry
from fazhi.learning import services
from fazhi.learning.demo import load_demo as load_learning
from fazhi.legal.demo import load_demo as load_legal
from fazhi.litigation.demo import load_demo as load_litigation
from fazhi.orgs.models import Organisation
from fazhi.reports import drafting
from fazhi.reports.figure_source import fetch
from fazhi.reports.placeholders import to_text
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.learning.learning_fixtures import new_event, new_service, new_session

pytestmark = pytest.mark.django_db


def value(code, org, year=TODAY.year):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


@pytest.mark.usefixtures("pinned_clock")
def test_figures_on_a_small_fixture(office, units):
    street = units["a"]
    new_session(office, street)  # 会前学法, 2 topics, hosted by the head
    new_session(office, street, kind="mediator_training", audience="mediators", attendance=60, topics="",
                hosted_by_head=False)  # fmt: skip
    new_session(
        office, street, kind="online", audience="literate", attendance=30, topics="", hosted_by_head=False
    )
    event = new_event(office, units["a-zf"])  # by the enforcement team: 谁执法谁普法
    event = services.add_material(office, event, event.version, kind="leaflet", unit="份", quantity=3000)
    event = services.add_material(office, event, event.version, kind="poster", unit="份", quantity=200)
    services.add_material(office, event, event.version, kind="bag", unit="只", quantity=6000)
    new_service(office, units["a-yz"], count=40)
    new_service(office, units["a-yz"], kind="checkup", count=16)
    new_service(office, units["a-yz"], served_on=datetime.date(TODAY.year - 1, 12, 31), count=99)  # last year
    dispute = new_dispute(
        office, units["a-tw"], assisting_units=[units["a-yz"]]
    )  # open: counted all the same
    services.record_act(
        office, org=street, held_on=TODAY, kind="law_meeting", leader="书记", title="专题研究"
    )
    services.record_act(office, org=street, held_on=TODAY, kind="study_plan", leader="书记", title="学法计划",
                        planned_sessions=4)  # fmt: skip
    services.record_act(office, org=street, held_on=TODAY, kind="case_contact", leader="主任", title="包案",
                        dispute_number=dispute.number)  # fmt: skip

    expected = {
        "study.sessions": 2, "study.topics": 4, "study.law_sessions": 1, "study.hosted_by_head": 1,
        "study.platform_participants": 30, "training.mediators": 60, "training.person_times": 60,
        "pufa.events": 1, "pufa.by_enforcers": 1, "pufa.materials.fen": 3200, "pufa.materials.zhi": 6000,
        "pufa.materials.ben": 0, "pufa.reach": 300, "pufa.consultations": 40,
        "services.consultations": 40, "services.enterprise_checkups": 16, "services.lectures": 0,
        "disputes.legal_station": 1, "lead.law_meetings": 1, "lead.planned_law_sessions": 4,
        "lead.cases_contacted": 1,
    }  # fmt: skip
    assert {code: value(code, street) for code in expected} == expected
    assert value("services.consultations", units["b"]) == 0
    assert value("services.consultations", street, TODAY.year - 1) == 99


def test_the_wuchang_demo_drafts_the_station_sentence_the_pufa_figures_and_item_three():
    """From the demo: 驿站 723/197/541/42/135/82, 普法 3000份/6000只/700人次, and item 三 from the leaders' acts."""
    orgs = build_orgs()
    users = build_people(orgs)
    for load in (load_disputes, load_legal, load_litigation, load_learning):
        load(orgs, users, io.StringIO())
    wuchang = orgs["wuchang"]
    values = fetch(wuchang, drafting.template_codes(), 2024)
    texts = {draft.key: to_text(draft.text, values) for draft in drafting.drafts(wuchang, 2024, values)}
    assert texts["services.summary"] == (
        "2024年，街道公共法律服务驿站参与矛盾纠纷调解723起，走访企业并法治体检197家，提供法律咨询和法律服务541次，"
        "开展法律讲座42场，参与合法性审查135件，信息宣传82篇。"
    )
    assert "发放普法宣传资料3000份" in texts["pufa.summary"] and "法治宣传袋6000只" in texts["pufa.summary"]
    assert "接受法律咨询700人次" in texts["pufa.summary"]
    assert "培育新增法律明白人22名，组织法律明白人参加培训30人次" in texts["pufa.summary"]
    assert "学法考试" not in texts["study.summary"]  # 五常 held none: nothing is claimed
    assert "安排会前学法4次，全年开展党工委会议会前学法4次" in texts["leadership.study"]
    acts = texts["leadership.acts"]
    assert (
        "于3月15日、8月16日召开党工委（办事处）会议专题研究法治建设2次" in acts
        and "包案化解矛盾纠纷和行政争议2件" in acts
        and "出庭应诉" in acts
    )
    assert "调解员业务培训250人次" in texts["study.summary"]
    # the station's part is a link on the disputes of 2024, of every outcome, not re-entered
    assert value("disputes.legal_station", wuchang, 2025) == 0
