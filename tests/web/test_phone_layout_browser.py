"""A community mediator on a phone (390×844): the navigation folds behind 菜单, the intake form with its
party rows fits the screen and completes, a 调解记录 and a 回访 are entered, and lists read as cards."""

import pytest

from fazhi.disputes.models import Dispute
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 390, 844


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(
        locale="zh-CN",
        base_url=live_server.url,
        viewport={"width": WIDTH, "height": HEIGHT},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def fits_the_screen(page) -> None:
    """Nothing wider than the phone: no sideways scrolling to reach a field or a button."""
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_a_mediator_takes_in_mediates_and_visits_on_a_phone(phone, tree, person, tmp_path):
    page = phone
    person("tj", "handler", tree["a-sq-tw"], full_name="王调解")
    login(page, "tj")
    nav = page.locator("nav.worklines")
    assert not nav.is_visible()
    page.click("button.nav-toggle")
    assert nav.is_visible() and page.locator("button.nav-toggle").get_attribute("aria-expanded") == "true"
    fits_the_screen(page)

    page.goto("/disputes/new/")
    fits_the_screen(page)
    page.select_option("select[name=channel]", label="来访")
    page.select_option("select[name=dispute_type]", label="邻里")
    page.fill("textarea[name=summary]", "楼上漏水致楼下吊顶受损")
    name, phone_field = page.locator("input[name=p-0-name]"), page.locator("input[name=p-0-phone]")
    # Party rows are stacked cards: the name above the phone, each nearly the screen's width.
    assert name.bounding_box()["y"] < phone_field.bounding_box()["y"]
    assert name.bounding_box()["width"] > WIDTH * 0.7
    page.fill("input[name=p-0-name]", "张三")
    page.fill("input[name=p-0-phone]", "13812345678")
    page.fill("input[name=p-1-name]", "李四")
    page.screenshot(path=str(tmp_path / "intake.png"), full_page=True)
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记")
    dispute = Dispute.objects.get()
    fits_the_screen(page)

    page.click("text=登记调解记录")
    page.fill("input[name=place]", "社区调解室")
    page.fill("textarea[name=notes]", "双方同意由李四承担维修费")
    fits_the_screen(page)
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=登记调解记录已保存")

    page.click("a:has-text('办结')")
    page.check("input[name=outcome][value=success]")
    page.fill("textarea[name=agreement_text]", "李四于十日内支付张三维修费800元")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=办结已保存")

    page.click("a:has-text('回访')")
    fits_the_screen(page)
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=回访已保存")
    dispute.refresh_from_db()
    assert dispute.visited_on is not None

    page.goto("/disputes/")
    fits_the_screen(page)
    cell = page.locator(f"table.grid tbody tr:has-text('{dispute.number}') td").nth(1)
    assert cell.get_attribute("data-label")  # the card names each value by its column
    page.screenshot(path=str(tmp_path / "list.png"), full_page=True)
