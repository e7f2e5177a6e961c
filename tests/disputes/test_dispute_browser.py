"""A mediator's whole day in the browser: intake → dispatch → session → success → the figure changes."""

import pytest

from fazhi.disputes.models import Dispute
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def mediated_success(page) -> float:
    rows = page.request.get("/api/figures/?org=a&codes=disputes.mediated_success").json()
    return rows[0]["value"]


def test_intake_dispatch_session_success_changes_the_figure(browser_page, tree, person):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")
    before = mediated_success(page) or 0

    page.goto("/disputes/new/")
    page.select_option("select[name=org]", label="甲街道调委会（街道调委会）")
    page.select_option("select[name=channel]", label="网格上报")
    page.select_option("select[name=dispute_type]", label="邻里")
    page.fill("textarea[name=summary]", "楼上漏水致楼下吊顶受损")
    page.fill("input[name=p-0-name]", "张三")
    page.fill("input[name=p-0-phone]", "13812345678")
    page.fill("input[name=p-1-name]", "李四")
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记")
    dispute = Dispute.objects.get()
    assert dispute.number in page.locator("h1").inner_text()
    assert "*******5678" in page.content()

    page.click("text=分派/委派")
    page.select_option("select[name=to_org]", label="甲街道一社区调委会（社区调委会）")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=分派/委派已保存")
    assert "已分派" in page.locator("h1").inner_text()

    page.click("text=登记调解记录")
    page.fill("input[name=place]", "社区调解室")
    page.fill("textarea[name=notes]", "双方同意由李四承担维修费")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=登记调解记录已保存")

    page.click("a:has-text('办结')")
    page.check("input[name=outcome][value=success]")
    page.fill("textarea[name=agreement_text]", "李四于十日内支付张三维修费800元")
    page.fill("input[name=amount_recovered]", "800")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=办结已保存")
    assert "调解成功" in page.locator("h1").inner_text()
    # The business timeline: days as the office dated them, 受理 first and 办结 last, in Chinese words.
    timeline = page.locator("#timeline").inner_text()
    assert "甲街道调委会 → 甲街道一社区调委会" in timeline and "办结：调解成功" in timeline
    assert timeline.index("受理") < timeline.index("分派") < timeline.index("调解") < timeline.index("办结")
    assert ":" not in timeline  # no invented clock times
    # The audit detail is folded below it, with real times and no raw stored values.
    assert not page.locator("#audit-trail ol").is_visible()
    page.click("#audit-trail summary")
    audit = page.locator("#audit-trail").inner_text()
    assert "状态变更" in audit and "新建" in audit
    assert "False" not in audit and "True" not in audit and "（空）→（空）" not in audit

    assert mediated_success(page) == before + 1
