"""A disclosure request in the browser: registered, a 补正 stops the clock and the corrected request
restarts it (the due date moves), a third-party consultation's days are not counted, an extension, and
a 部分公开 reply whose record names the district government and the 60 日 / 6 个月 remedies."""

import datetime

import pytest
from docx import Document

from fazhi.disclosure.models import DisclosureRequest
from tests.conftest import TODAY, clock_at, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save(page, expected):
    page.click("button:has-text('保存')")
    page.wait_for_selector(f"text={expected}")


def test_request_through_correction_consultation_extension_and_reply(browser_page, tree, person):
    page = browser_page
    person("gk", "petition", tree["a"], full_name="王公开")
    with clock_at(TODAY):
        login(page, "gk")
        page.goto("/disclosure/new/")
        page.select_option("select[name=channel]", label="当面提交")
        page.fill("input[name=submitted_on]", "2026-07-01")
        page.fill("input[name=received_on]", "2026-07-01")
        page.fill("textarea[name=content]", "申请公开某地块征收补偿安置方案")
        page.fill("input[name=p-0-name]", "张三")
        page.fill("input[name=p-0-phone]", "13812345678")
        page.click("button:has-text('登记')")
        page.wait_for_selector("text=已登记")
        assert "答复期限2026年7月29日" in page.content()
        request = DisclosureRequest.objects.get()
        assert request.number in page.locator("h1").inner_text()

        page.click("a:has-text('告知补正')")
        page.fill("input[name=requested_on]", "2026-07-03")
        page.fill("textarea[name=points]", "请写明所需信息的名称或文号")
        save(page, "告知补正已保存")
        assert "待补正" in page.locator("h1").inner_text()
        assert "停止计算" in page.locator("#reply-due").inner_text()

        page.click("a:has-text('收到补正')")
        page.fill("input[name=received_on]", "2026-07-10")
        save(page, "收到补正已保存")
        # the period runs anew from 10 July: 7 August
        assert "2026年8月7日" in page.locator("#reply-due").inner_text()
        assert "期限自收到之日起重新计算" in page.locator("#deadline-explanation").inner_text()

        page.click("a:has-text('征求意见')")
        page.select_option("select[name=kind]", value="third_party")
        page.fill("input[name=addressee]", "某置业有限公司")
        page.fill("input[name=sent_on]", "2026-07-13")
        save(page, "征求意见已保存")
        page.click("a:has-text('登记意见结果')")
        page.fill("input[name=answered_on]", "2026-07-14")
        page.fill("textarea[name=opinion]", "不同意公开涉及本公司商业秘密的部分")
        save(page, "登记意见结果已保存")
        # 13–14 July not counted: two working days later, 11 August
        assert "2026年8月11日" in page.locator("#reply-due").inner_text()
        assert "因征求第三方和其他机关意见中止计算" in page.locator("#deadline-explanation").inner_text()

        page.click("a:has-text('延长答复期限')")
        page.fill("input[name=approved_by]", "党政办主任")
        save(page, "延长答复期限已保存")
        assert "2026年9月8日" in page.locator("#reply-due").inner_text()

        page.get_by_role("link", name="答复", exact=True).click()
        page.select_option("select[name=outcome]", value="partial")
        page.fill("textarea[name=reply_summary]", "隐去第三方商业秘密后公开")
        save(page, "答复已保存")
        body = page.locator("main").inner_text()
        assert "已答复" in page.locator("h1").inner_text()
        assert "部分公开" in body
        assert "六十日内向杭州市余杭区人民政府申请行政复议" in body and "六个月内" in body
        with page.expect_download() as download:
            page.click("a:has-text('下载答复书')")
        letter = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
        assert "部分公开" in letter or "区分处理" in letter
        assert "六十日内向杭州市余杭区人民政府申请行政复议" in letter and "六个月内向" in letter
        timeline = page.locator("#timeline").inner_text()
        assert (
            timeline.index("收到申请")
            < timeline.index("告知补正")
            < timeline.index("收到补正")
            < timeline.index("答复：")
        )
    request.refresh_from_db()
    assert request.due_date == datetime.date(2026, 9, 8) and request.outcome == "partial"
