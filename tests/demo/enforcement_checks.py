"""The demo's 五常 综合执法队 and the figures and report paragraph drafted from it, and 西乡's and 观澜's teams (run
on test_demo_of_a_december_day's load)."""

import datetime
from decimal import Decimal

from django.core.management import call_command

from fazhi.enforcement.models import Certificate, EnforcementCase
from fazhi.ledger.integrity import check_ledgers
from fazhi.web.views import deadline_board
from tests.demo.figure import value

VIDEO_2024 = 54  # 2024's cases of 案件来源 视频巡查派发 (about a fifth, as the demo's sources are drawn)


# The 五常 2024 report's figures of this work line (its 2023 case count beside them, for the change).
WUCHANG_2024 = {
    "enforcement.cases": 264, "enforcement.cases.ordinary": 176, "enforcement.cases.simple": 88,
    "enforcement.cases.enterprise": 41, "enforcement.inspections": 312, "enforcement.inspections.objects": 1260,
    "enforcement.hazards": 187, "enforcement.joint_actions": 4, "enforcement.random_checks": 12,
    "enforcement.video_dispatched": VIDEO_2024, "enforcement.training_hours": 1144,
    "enforcement.training_hours.average": Decimal("67.3"), "enforcement.officers.added": 3,
    "enforcement.officers.transferred": 1, "enforcement.certificates.cancelled": 2,
    "enforcement.certificates.lost_notices": 1,
}  # fmt: skip


def test_enforcement_years_and_their_figures(demo):
    orgs = demo.orgs
    assert {code: value(orgs, code) for code in WUCHANG_2024} == WUCHANG_2024
    assert value(orgs, "enforcement.cases", 2023) == 222
    assert 100_000 < value(orgs, "enforcement.fines", 2024) < 5_000_000
    assert 0 < value(orgs, "enforcement.penalties", 2024) <= 264
    assert 80 < value(orgs, "enforcement.publicity_on_time_rate", 2024) < 100
    assert 80 < value(orgs, "enforcement.av_record_rate", 2024) < 100
    # every case is in the team's unit, and every simple-procedure fine within 第五十一条's limits
    simple = EnforcementCase.objects.filter(procedure="simple")
    assert all(c.fine_amount <= (3000 if c.party_kind == "organisation" else 200) for c in simple)
    # what was written in bulk or through the services is all in the audit trail
    assert check_ledgers().problems == []


def test_home_board_of_the_enforcement_officer(demo):
    users = demo.users
    board = deadline_board(users["zhifa"])
    overdue = [r for r in board["overdue"] if isinstance(r, EnforcementCase)]
    assert overdue and all(not r.published_on for r in overdue)
    soon = [r for r in board["due_soon"] if isinstance(r, Certificate)]
    assert [c.number for c in soon] == ["330110000001"]
    assert any(isinstance(r, EnforcementCase) for r in board["due_soon"])  # near its 90-日 limit


def test_annual_report_drafts_the_enforcement_paragraph(demo, tmp_path):
    out = tmp_path / "report.txt"
    call_command("annual_report", "wuchang", "2024", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "作出行政执法案卷264宗" in text and "同比上升18.92%" in text
    assert "普通程序176宗" in text and "简易程序88宗" in text
    assert "检查企业312次" in text and "发现隐患187条" in text and "罚没金额" in text
    assert "开展“百日攻坚”等专项行动1项" in text  # the team's 专项行动 register
    assert f"累计派发视频巡查案件{VIDEO_2024}宗" in text


def test_enforcement_pages_open_for_the_officer_and_the_office(demo, client):
    users = demo.users
    case = EnforcementCase.objects.filter(status="served").first()
    card = Certificate.objects.get(number="330110000001")
    for username in ("zhifa", "fazhiban", "lingdao"):
        client.force_login(users[username])
        for url in ("/", "/enforcement/", "/enforcement/certificates/", "/enforcement/inspections/",
                    f"/enforcement/{case.pk}/", f"/enforcement/certificates/{card.pk}/", "/figures/"):  # fmt: skip
            response = client.get(url)
            assert response.status_code == 200, (username, url)
        home = client.get("/").content.decode()
        assert case.number in home and card.number in home
    dashboard = client.get("/figures/?org=wuchang").content.decode()
    assert "作出行政执法案卷" in dashboard


XIXIANG_2023 = {
    "enforcement.cases": 711, "enforcement.cases.ordinary": 495, "enforcement.cases.simple": 216,
    "enforcement.cases.enterprise": 128, "enforcement.penalties": 250, "enforcement.fines": Decimal("2116094"),
    "enforcement.published": 430, "enforcement.inspections": 858, "enforcement.hazards": 541,
    "enforcement.joint_actions": 8, "enforcement.random_checks": 50, "enforcement.officers.added": 18,
}  # fmt: skip


def test_xixiangs_2023_is_its_reports_figures_and_no_decision_is_left_unpublished(demo):
    orgs = demo.orgs
    assert {code: value(orgs, code, 2023, "xixiang") for code in XIXIANG_2023} == XIXIANG_2023
    team = EnforcementCase.objects.filter(org=orgs["xixiang-zf"])
    assert not team.filter(EnforcementCase.open_q()).exists()  # the 281 files of late 2023 decided in 2024
    assert not team.filter(decision_on__gt=datetime.date.today()).exists()


def test_the_hundred_day_campaign_is_a_special_action_whose_page_adds_up_its_inspections_and_cases(
    demo, client
):
    from fazhi.enforcement.demo import GUANLAN_TEAM, GUANLAN_VEHICLE_CASES, GUANLAN_VEHICLES
    from fazhi.enforcement.models import InspectionBatch, SpecialAction, with_cases_filed

    orgs, users = demo.orgs, demo.users
    action = SpecialAction.objects.get(org=orgs["wuchang-zf"], name="百日攻坚")
    assert value(orgs, "enforcement.special_actions", 2024) == 1
    client.force_login(users["zhifa"])
    page = client.get(f"/enforcement/actions/{action.pk}/")
    assert page.status_code == 200 and page.context["totals"]["objects"] == 1260
    assert page.context["cases_filed"] == 18  # typed on the batch: filed before the ledger, nothing to link

    # 观澜's 82 cases are filed in the ledger from its checkpoint batch: linked, nothing typed
    batch = with_cases_filed(InspectionBatch.objects.filter(org=orgs[GUANLAN_TEAM])).get()
    assert (batch.objects_checked, batch.cases_filed, batch.cases_filed_outside) == (
        GUANLAN_VEHICLES, GUANLAN_VEHICLE_CASES, 0,
    )  # fmt: skip
    assert batch.special_action.name == "百日攻坚" and batch.special_action.org == orgs[GUANLAN_TEAM]
    assert value(orgs, "enforcement.inspections.cases_filed", 2024, GUANLAN_TEAM) == 82
