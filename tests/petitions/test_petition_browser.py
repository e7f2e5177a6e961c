"""The main petition lifecycle in the browser: register → acceptance notice → extension with its reason →
处理意见书 → 复查, each stage's due date shown with its article, counted in calendar days."""

import pytest

from fazhi.petitions.models import Petition
from tests.conftest import login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("pinned_clock"),
]


def stage_row(page, title: str) -> str:
    return page.locator("#stages tr", has_text=title).first.inner_text()


def save(page, message: str) -> None:
    page.click("button:has-text('保存')")
    page.wait_for_selector(f"text={message}")


def test_register_accept_extend_answer_and_review(browser_page, xf, person):
    page = browser_page
    person("xfb", "petition", xf["a"], full_name="郑信访")
    login(page, "xfb")

    page.goto("/petitions/new/")
    page.select_option("select[name=org]", label="甲街道信访办（内设机构）")
    page.fill("textarea[name=matter]", "反映小区周边工地夜间施工噪声扰民")
    page.fill("input[name=persons]", "2")
    page.fill("input[name=p-0-name]", "张三")
    page.fill("input[name=p-0-phone]", "13812345678")
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记")
    petition = Petition.objects.get()
    assert petition.number in page.locator("h1").inner_text()
    # received 2026-07-15; 15 日 as calendar days → 7月30日, with its article
    row = stage_row(page, "受理告知")
    assert "《信访工作条例》第二十三条第二款" in row and "2026年7月30日" in row
    assert "*******5678" in page.content()

    page.click("a:has-text('受理告知')")
    page.check("input[name=decision][value=accept]")
    save(page, "受理告知已保存")
    assert "办理中" in page.locator("h1").inner_text()
    # 60 日 from the acceptance: 9月13日 is a Sunday, so the period ends on Monday 14 September
    row = stage_row(page, "办理并出具处理意见书")
    assert "《信访工作条例》第三十四条" in row and "2026年9月14日" in row

    page.click("a:has-text('延期办理')")
    page.fill("input[name=days]", "30")
    page.fill("textarea[name=reason]", "涉及多个部门，需联合调查核实")
    page.fill("input[name=approved_by]", "吴主任")
    save(page, "延期办理已保存")
    # + 30 日: 90 calendar days from 7月15日 → 10月13日
    row = stage_row(page, "办理并出具处理意见书")
    assert "2026年10月13日" in row and "已延长30日" in row
    assert "涉及多个部门" in page.locator("#timeline").inner_text()

    page.click("a:has-text('出具处理意见书')")
    page.select_option("select[name=result]", label="部分支持")
    page.fill("textarea[name=text]", "责令施工单位夜间停工，协调降噪")
    save(page, "出具处理意见书已保存")
    assert "已出具处理意见" in page.locator("h1").inner_text()

    page.click("a:has-text('登记复查请求')")
    save(page, "登记复查请求已保存")
    # 复查 30 日 from the request: 8月14日 (Friday)
    row = stage_row(page, "复查")
    assert "《信访工作条例》第三十五条" in row and "2026年8月14日" in row
    assert "复查中" in page.locator("h1").inner_text()

    page.click("a:has-text('登记复查意见')")
    page.select_option("select[name=result]", label="维持")
    save(page, "登记复查意见已保存")
    assert "已复查" in page.locator("h1").inner_text()
    petition.refresh_from_db()
    assert petition.status == "reviewed" and petition.extension_days == 30
