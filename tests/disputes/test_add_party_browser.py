"""添加当事人: a dispute with four parties entered on the intake form (it opens with three rows)."""

import pytest

from fazhi.disputes.models import Dispute
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_fourth_party_row_is_added_and_saved(browser_page, tree, person):
    page = browser_page
    person("tj", "handler", tree["a-sq-tw"], full_name="王调解")
    login(page, "tj")
    page.goto("/disputes/new/")
    assert page.locator("input[name$='-name']").count() == 3
    page.click("button:has-text('添加当事人')")
    assert page.locator("input[name='p-3-name']").is_visible()
    page.select_option("select[name=channel]", label="来访")
    page.select_option("select[name=dispute_type]", label="邻里")
    page.fill("textarea[name=summary]", "四户业主共用楼道堆物纠纷")
    for index, name in enumerate(["张三", "李四", "王五", "赵六"]):
        page.fill(f"input[name='p-{index}-name']", name)
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记")
    dispute = Dispute.objects.get()
    assert sorted(dispute.parties.values_list("name", flat=True)) == sorted(["张三", "李四", "王五", "赵六"])
