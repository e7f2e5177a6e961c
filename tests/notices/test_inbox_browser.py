"""Done-when of issue 22's 待办 part, in the browser: a dispatch by the 街道 shows in the community
mediator's 收件箱 and notification count, is accepted there, and appears on the calendar."""

import pytest

from fazhi.disputes.models import MEDIATING, Dispute, DisputeType
from fazhi.disputes.services import PartyData, intake
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dispatch_reaches_the_community_inbox_is_accepted_and_is_on_the_calendar(
    browser_page, tree, person
):
    page = browser_page
    street = person("fzb", "office", tree["a"], full_name="周法治")
    person("shequ", "handler", tree["a-sq-tw"], full_name="王社区")
    from fazhi.dates import today

    dispute = intake(
        street,
        org=tree["a-tw"],
        channel="grid",
        received_on=today(),
        dispute_type=DisputeType.objects.get(name="邻里"),
        summary="楼上漏水致楼下吊顶受损",
        persons_involved=2,
        parties=[PartyData(name="张三"), PartyData(name="李四", role="respondent")],
    )

    login(page, "fzb")
    page.goto(dispute.get_absolute_url())
    page.click("text=分派/委派")
    page.select_option("select[name=to_org]", label="甲街道一社区调委会（社区调委会）")
    page.fill("input[name=note]", "请社区先行调解")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=分派/委派已保存")
    page.click("header button:has-text('退出')")
    page.wait_for_load_state("networkidle")

    login(page, "shequ")
    assert page.locator("#unread-count").inner_text() == "1"
    row = page.locator(f"#inbox tr[data-number='{dispute.number}']")
    assert "张三" in row.inner_text() and "请社区先行调解" in row.inner_text()
    row.locator("button:has-text('接收')").click()
    page.wait_for_selector("text=接收已保存")
    dispute.refresh_from_db()
    assert dispute.status == MEDIATING and dispute.org == tree["a-sq-tw"]

    page.goto("/")
    assert page.locator("#inbox").count() == 0
    page.click("#notices-link")
    assert dispute.number in page.locator("table.notices").inner_text()
    page.click("button.notice-open")
    page.wait_for_url(f"**{dispute.get_absolute_url()}")
    assert page.locator("#unread-count").count() == 0

    page.goto(f"/calendar/?month={dispute.due_date:%Y-%m}")
    cell = page.locator(f"td[data-date='{dispute.due_date:%Y-%m-%d}']")
    assert dispute.number in cell.inner_text()
    assert Dispute.objects.get().number == dispute.number
