"""An enforcement officer takes a case from 立案 to 结案 in the browser, through 告知, 听证 and 公示, with
every due date shown beside its article; a decision not yet published is overdue on the home board."""

import datetime

import pytest

from fazhi.dates import today
from fazhi.deadlines.engine import due_for_rule
from fazhi.enforcement import services
from fazhi.enforcement.models import EnforcementCase
from tests.conftest import login
from tests.enforcement.enforcement_fixtures import add_officer, add_team, file_case, special_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def act(page, title, checks=(), **fields):
    page.get_by_role("link", name=title, exact=True).click()
    for name, value in fields.items():
        page.fill(f"[name={name}]", value)
    for name in checks:
        page.check(f"[name={name}]")
    page.click("button:has-text('保存')")
    page.wait_for_selector(f"text={title}已保存")


def dues(page) -> str:
    return page.locator("#dues").inner_text()


def test_case_from_filing_to_closing_with_its_due_dates(browser_page, tree, person):
    page = browser_page
    team = add_team(tree)
    officer = person("zf_a", "enforcement", team, full_name="孔执法")
    first, second = add_officer(officer, team, "沈一", "A0001"), add_officer(officer, team, "韩二", "A0002")
    day = today()
    filed, notified = day - datetime.timedelta(days=40), day - datetime.timedelta(days=35)
    requested, notice = day - datetime.timedelta(days=34), day - datetime.timedelta(days=33)
    hearing = due_for_rule("enforcement.hearing_notice", notice).due
    decided = hearing + datetime.timedelta(days=1)

    # another case decided three weeks ago and not yet published: overdue on the home board
    late = file_case(
        officer, team, [first, second], filed_on=day - datetime.timedelta(days=21), procedure="simple"
    )
    services.decide(officer, late, late.version, decision_on=late.filed_on, penalty_kind="warning")

    login(page, "zf_a")
    board = page.locator("main").inner_text()
    assert late.number in board.split("即将到期")[0]

    page.goto("/enforcement/new/")
    page.fill("input[name=filed_on]", filed.isoformat())
    page.select_option("select[name=source]", label="投诉举报")
    page.select_option("select[name=field]", label="扬尘污染")
    page.fill("textarea[name=summary]", "建设工地未采取有效防尘措施")
    page.check(f"input[name=officers][value='{first.pk}']")
    page.check(f"input[name=officers][value='{second.pk}']")
    page.select_option("select[name=p-0-kind]", label="单位")
    page.check("input[name=p-0-enterprise]")
    page.fill("input[name=p-0-name]", "某建筑工程有限公司")
    page.fill("input[name=p-0-phone]", "13812345678")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已立案")
    case = EnforcementCase.objects.exclude(pk=late.pk).get()
    assert case.number in page.locator("h1").inner_text() and "涉企" in page.locator("h1").inner_text()
    assert "立案之日起90日" in dues(page) and "第六十条" in dues(page)
    assert "*******5678" in page.content()

    act(
        page,
        "调查取证",
        investigated_on=(filed + datetime.timedelta(days=2)).isoformat(),
        evidence="现场检查笔录、照片",
        checks=("av",),
    )
    assert "调查取证有" in page.locator("#av").inner_text()  # 全过程记录, step by step
    page.get_by_role("link", name="告知", exact=True).click()
    page.fill("[name=notified_on]", notified.isoformat())
    page.check("[name=hearing_right]")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=告知已保存")
    assert "申请听证期限" in dues(page) and "第六十四条" in dues(page) and "5个工作日" in dues(page)

    # a hearing held too early after its notice is refused with the earliest day and the article
    page.get_by_role("link", name="听证", exact=True).click()
    page.fill("[name=requested_on]", requested.isoformat())
    page.fill("[name=notice_on]", notice.isoformat())
    page.fill("[name=hearing_on]", (notice + datetime.timedelta(days=2)).isoformat())
    page.click("button:has-text('保存')")
    assert "最早" in page.locator(".errorlist").first.inner_text()
    page.fill("[name=hearing_on]", hearing.isoformat())
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=听证已保存")
    assert "最早听证日期" in dues(page)

    act(page, "作出决定", decision_on=decided.isoformat(), fine_amount="20000")
    assert "公示期限" in dues(page) and "7个工作日" in dues(page)
    assert "已决定" in page.locator("h1").inner_text()
    act(page, "送达", served_on=decided.isoformat())
    assert "缴纳罚款期限" in dues(page) and "第六十七条" in dues(page)
    act(page, "公示", published_on=(decided + datetime.timedelta(days=1)).isoformat())
    assert "已公示" in dues(page) and "逾期公示" not in page.locator("h1").inner_text()
    act(page, "执行", executed_on=(decided + datetime.timedelta(days=5)).isoformat())
    act(page, "结案", closed_on=day.isoformat())
    assert "已结案" in page.locator("h1").inner_text()
    timeline = page.locator("#timeline").inner_text()
    for step in ("立案", "调查取证", "告知", "举行听证", "作出决定", "送达决定书", "公示", "执行", "办结"):
        assert step in timeline, step
    assert (
        timeline.index("立案") < timeline.index("举行听证") < timeline.index("公示") < timeline.index("办结")
    )


def test_a_case_opened_from_an_inspection_links_both_pages(browser_page, tree, person):
    page = browser_page
    team = add_team(tree)
    officer = person("zf_a", "enforcement", team, full_name="孔执法")
    first, second = add_officer(officer, team, "沈一", "A0001"), add_officer(officer, team, "韩二", "A0002")
    batch = services.record_inspection(
        officer, org=team, held_on=today() - datetime.timedelta(days=2), action="special",
        special_action=special_action(officer, team), field="dust", object_kind="site", objects_checked=12,
        hazards_found=3,
    )  # fmt: skip

    login(page, "zf_a")
    page.goto(f"/enforcement/inspections/{batch.pk}/")
    assert "尚无关联案件" in page.locator("#inspection-cases").inner_text()
    page.click("#file-from-inspection")
    # the filing form starts from the inspection: chosen, with its field and 专项行动
    assert page.locator("select[name=inspection]").input_value() == str(batch.pk)
    assert page.locator("select[name=field]").input_value() == "dust"
    assert page.locator("select[name=special_action]").input_value() == str(batch.special_action_id)
    page.fill("textarea[name=summary]", "工地裸土未覆盖")
    page.check(f"input[name=officers][value='{first.pk}']")
    page.check(f"input[name=officers][value='{second.pk}']")
    page.fill("input[name=p-0-name]", "陈某")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已立案")
    case = EnforcementCase.objects.get()
    assert case.inspection_id == batch.pk

    page.click("#inspection a")  # the case names its inspection …
    page.wait_for_selector("#inspection-cases")
    listed = page.locator("#inspection-cases").inner_text()
    assert case.number in listed and "工地裸土未覆盖" in listed  # … and the inspection lists the case
    page.get_by_role("link", name=case.number).click()
    page.wait_for_selector("#inspection")
    assert case.number in page.locator("h1").inner_text()


def test_a_special_action_adds_up_the_inspections_recorded_under_it(browser_page, tree, person):
    page = browser_page
    team = add_team(tree)
    officer = person("zf_a", "enforcement", team, full_name="孔执法")
    first, second = add_officer(officer, team, "沈一", "A0001"), add_officer(officer, team, "韩二", "A0002")
    day = today()

    login(page, "zf_a")
    page.goto("/enforcement/actions/")
    page.get_by_role("link", name="登记专项行动").click()
    page.fill("[name=name]", "扬尘百日攻坚")
    page.select_option("[name=kind]", "campaign")
    page.fill("[name=starts_on]", (day - datetime.timedelta(days=10)).isoformat())
    page.fill("[name=joint_departments]", "城建、交警")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已登记专项行动")
    assert "尚无执法检查" in page.locator("#action-inspections").inner_text()

    # an inspection recorded from the action's page is under the action
    page.get_by_role("link", name="登记本行动的执法检查").click()
    assert page.locator("select[name=special_action] option:checked").inner_text().startswith("扬尘百日攻坚")
    page.select_option("[name=object_kind]", "vehicle")
    page.fill("[name=objects_checked]", "300")
    page.fill("[name=hazards_found]", "7")
    page.fill("[name=hazards_rectified]", "5")
    page.fill("[name=cases_filed_outside]", "2")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已登记执法检查")

    # a case filed from the inspection's hazard counts in its 立案 beside the two filed outside the ledger
    page.click("#file-from-inspection")
    page.fill("textarea[name=summary]", "渣土车未密闭运输")
    page.check(f"input[name=officers][value='{first.pk}']")
    page.check(f"input[name=officers][value='{second.pk}']")
    page.fill("input[name=p-0-name]", "某运输公司")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已立案")

    page.goto("/enforcement/actions/")
    page.get_by_role("link", name="扬尘百日攻坚").click()
    page.wait_for_selector("#special-action-totals")
    assert page.locator("#total-inspections").inner_text() == "1 次"
    assert page.locator("#total-objects").inner_text() == "300 个"
    assert page.locator("#total-found").inner_text() == "7 条"
    assert page.locator("#total-rectified").inner_text() == "5 条"
    assert (
        page.locator("#total-cases").inner_text().startswith("3 宗（本系统案件 1 宗，检查中台账外立案 2 宗")
    )
    assert "渣土车未密闭运输" in page.locator("#action-cases").inner_text()
