"""The office in the browser: a deputy's suggestion assigned to a lead and two co-handling units, met face to
face, replied to from the drafted template and rated 基本满意; an audit finding whose two measures must be done
(or explained) before it closes; and an item due tomorrow on the home board."""

import datetime

import pytest

from fazhi.oversight import services
from tests.conftest import TODAY, login

# The clock is pinned (the live server runs in this process): everything happens on TODAY or just before.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("pinned_clock"),
]


def act(page, button: str) -> None:
    page.click(f"a.btn:text-is('{button}')")
    page.wait_for_selector("form.stacked")


def save(page) -> None:
    page.click("form.stacked button.btn")
    page.wait_for_load_state("networkidle")


def test_npc_suggestion_with_two_co_handling_units_to_a_reply_and_basic_satisfaction(
    browser_page, tree, person
):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")
    page.goto("/oversight/new/")
    page.select_option("select[name=kind]", label="人大代表建议")
    # the kind's own fields shown, another kind's hidden
    assert (
        page.locator("select[name=level]").is_visible() and page.locator("input[name=proposer]").is_visible()
    )
    assert not page.locator("input[name=audited_entity]").is_visible()
    page.select_option("select[name=org]", label="甲街道（街道）")
    page.fill("input[name=issuer]", "测试区人大常委会")
    page.fill("input[name=received_on]", (TODAY - datetime.timedelta(days=10)).isoformat())
    page.fill("textarea[name=content]", "关于增设电动自行车充电设施的建议")
    page.select_option("select[name=level]", label="区级")
    page.select_option("select[name=role]", label="主办")
    page.fill("input[name=proposer]", "钱某某")
    page.fill("input[name=proposer_phone]", "13905710001")
    save(page)
    page.wait_for_selector("text=已登记")
    assert "*******0001" in page.content() and "13905710001" not in page.content()

    for unit, lead, part in (("甲街道（街道）", True, "牵头答复"), ("甲街道调委会（街道调委会）", False, "排查矛盾"),
                             ("甲街道一社区（社区）", False, "摸排需求")):  # fmt: skip
        act(page, "分办承办单位")
        page.select_option("select[name=unit]", label=unit)
        if lead:
            page.check("input[name=lead]")
        page.fill("input[name=part]", part)
        save(page)
    handlers = page.locator("#handlers tbody tr").all_inner_texts()
    assert len(handlers) == 3 and sum("协办" in row for row in handlers) == 2

    act(page, "登记沟通（面商）")
    page.select_option("select[name=mode]", label="面商")
    page.fill("input[name=note], textarea[name=note]", "上门面商，听取代表意见")
    save(page)
    act(page, "起草答复")
    draft = page.locator("textarea[name=reply_text]").input_value()
    assert draft.startswith("钱某某代表：") and "会同甲街道调委会、甲街道一社区" in draft
    save(page)
    act(page, "审核答复")
    page.fill("input[name=approved_by]", "吴主任")
    save(page)
    act(page, "登记回复")
    assert page.locator("textarea[name=reply_text]").input_value() == draft.strip()
    save(page)
    page.wait_for_selector("text=已回复")
    act(page, "登记满意度")
    page.select_option("select[name=satisfaction]", label="基本满意")
    save(page)
    assert page.locator("#satisfaction").inner_text().startswith("基本满意")
    act(page, "办结")
    save(page)
    page.wait_for_selector("h1 >> text=已办结")


def test_an_audit_finding_with_two_measures_to_closed(browser_page, tree, person):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")
    page.goto("/oversight/new/")
    page.select_option("select[name=kind]", label="审计整改")
    assert not page.locator("input[name=proposer]").is_visible()
    page.fill("input[name=issuer]", "测试区审计局")
    page.fill("textarea[name=content]", "专项审计发现的问题")
    page.select_option("select[name=audit_kind]", label="协助上级审计")
    page.fill("input[name=audited_entity]", "甲街道")
    page.fill("input[name=findings_count]", "1")
    page.fill("input[name=reply_due]", (TODAY + datetime.timedelta(days=30)).isoformat())
    save(page)
    page.wait_for_selector("text=已登记")

    for action in ("建立拨付台账", "按月核对资金"):
        act(page, "添加整改措施")
        page.fill("[name=problem]", "专项资金拨付不及时")
        page.fill("[name=action]", action)
        page.fill("[name=owner]", "党政办")
        page.fill("input[name=due_on]", (TODAY + datetime.timedelta(days=20)).isoformat())
        save(page)
    assert page.locator("#measures tbody tr").count() == 2
    act(page, "登记回复")
    page.fill("textarea[name=reply_text]", "整改情况已书面报告")
    save(page)

    act(page, "办结")
    save(page)
    page.wait_for_selector("text=还有2项整改措施未完成")

    page.go_back()
    page.goto(page.url.rsplit("/close/", 1)[0] + "/")
    act(page, "登记整改进展")
    page.select_option("select[name=measure]", index=0)
    page.select_option("select[name=status]", label="已完成")
    page.fill("input[name=done_on]", TODAY.isoformat())
    save(page)
    act(page, "登记整改进展")
    page.select_option("select[name=measure]", index=1)
    page.select_option("select[name=status]", label="已说明（不能整改）")
    page.fill("[name=note]", "资金已由区财政直接拨付")
    save(page)
    act(page, "办结")
    save(page)
    page.wait_for_selector("h1 >> text=已办结")
    statuses = page.locator("#measures tbody tr td:nth-child(5)").all_inner_texts()
    assert statuses[0].startswith("已完成") and statuses[1] == "已说明（不能整改）"


def test_an_item_due_tomorrow_is_on_the_home_board(browser_page, tree, person):
    page = browser_page
    office = person("fzb", "office", tree["a"], full_name="周法治")
    item = services.receive_suggestion(
        office, org=tree["a"], kind="supervision", supervision_kind="pledge", issuer="街道督查办",
        received_on=TODAY - datetime.timedelta(days=20), reply_due=TODAY + datetime.timedelta(days=1),
        content="军令状事项",
    )  # fmt: skip
    login(page, "fzb")
    page.goto("/")
    assert item.number in page.content()
