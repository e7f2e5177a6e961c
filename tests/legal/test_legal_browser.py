"""A review in the browser: a unit submits a contract, the office assigns it, the lawyer concludes,
and the figure of contracts reviewed changes."""

import pytest

from fazhi.legal.models import ReviewItem
from fazhi.orgs.models import Kind, RoleAssignment
from tests.conftest import login, make_org

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def contracts_reviewed(page) -> float:
    rows = page.request.get("/api/figures/?org=a&codes=legal.contracts_reviewed").json()
    return rows[0]["value"] or 0


def test_submit_assign_conclude_changes_the_figure(browser_page, tree, person):
    page = browser_page
    adviser = make_org("a-gw", Kind.LEGAL_ADVISER, tree["a"], "甲街道法律顾问室", "甲顾")
    office = person("fzb", "office", tree["a"], full_name="周法治")
    RoleAssignment.objects.create(user=office, org=adviser, role="legal")
    login(page, "fzb")
    before = contracts_reviewed(page)

    page.goto("/legal/new/")
    page.select_option("select[name=org]", label="甲街道一社区（社区）")
    page.select_option("select[name=kind]", label="合同")
    page.fill("input[name=title]", "社区微更新工程施工合同")
    page.fill("input[name=counterparty]", "某建设工程有限公司")
    page.fill("input[name=amount]", "1200000")
    page.click("button:has-text('送审')")
    page.wait_for_selector("text=已送审")
    item = ReviewItem.objects.get()
    assert item.number in page.locator("h1").inner_text() and "须备案" in page.content()

    page.click("a:has-text('指派审查')")
    page.select_option("select[name=reviewer_org]", label="甲街道法律顾问室（法律顾问室）")
    page.select_option("select[name=reviewer]", label="周法治")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=指派审查已保存")
    assert "审查中" in page.locator("h1").inner_text()

    page.click("a:has-text('出具审查意见')")
    page.check("input[name=opinion][value=lawful]")
    page.fill("textarea[name=opinion_text]", "经审查，合同主体适格，条款合法")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=出具审查意见已保存")
    assert "已出具意见" in page.locator("h1").inner_text()
    assert "经审查，合同主体适格，条款合法" in page.locator("#rounds").inner_text()
    assert "合同备案" in page.content()

    assert contracts_reviewed(page) == before + 1
