"""The office in the browser: register a case → record the answer → the on-time figure changes."""

import datetime

import pytest

from fazhi.litigation.models import Case
from tests.conftest import TODAY, login

# The clock is pinned (the live server runs in this process): the case is received three days before
# TODAY and answered on TODAY, within its period and in the year the figure counts, on any real date.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("pinned_clock"),
]


def replies_on_time(page) -> float:
    rows = page.request.get("/api/figures/?org=a&codes=litigation.replies_on_time").json()
    return rows[0]["value"] or 0


def test_register_case_record_reply_changes_the_figure(browser_page, tree, person):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    login(page, "fzb")
    before = replies_on_time(page)
    received = TODAY - datetime.timedelta(days=3)

    page.goto("/litigation/")
    page.click("text=登记案件")
    page.select_option("select[name=org]", label="甲街道（街道）")
    page.select_option("select[name=kind]", label="行政诉讼")
    page.fill("input[name=court]", "测试区人民法院")
    page.fill("textarea[name=disputed_act]", "违法建筑限期拆除决定")
    page.fill("input[name=copy_received_on]", received.isoformat())
    page.fill("input[name=p-0-name]", "王五")
    page.fill("input[name=p-0-phone]", "13812345678")
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记")
    case = Case.objects.get()
    assert case.number in page.locator("h1").inner_text()
    assert (
        f"{case.reply_due.year}年{case.reply_due.month}月{case.reply_due.day}日"
        in page.locator("#reply-due").inner_text()
    )
    assert "*******5678" in page.content()

    page.click("text=登记答辩（答复）")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=登记答辩（答复）已保存")
    assert "已答辩" in page.locator("h1").inner_text()
    assert "按期" in page.locator("#reply-met").inner_text()
    assert "提交答辩状（答复书），按期" in page.locator("#timeline").inner_text()
    assert "状态变更" in page.locator("#audit-trail").text_content()  # folded, still on the page

    assert replies_on_time(page) == before + 1
