"""An office's own dispute sheet in the browser: uploaded, its columns confirmed once (one value given for
a column it lacks), previewed, imported; next month's sheet in the same layout imports without asking."""

import pytest

from fazhi.disputes.models import Dispute
from tests.conftest import login
from tests.ledger.test_excel_mapping import ROWS, office_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upload(page, path):
    page.goto("/disputes/excel/import/")
    page.set_input_files("input[name=file]", str(path))
    page.click("button:has-text('上传并检查')")
    page.wait_for_load_state("networkidle")


def test_an_offices_own_sheet_imports_after_mapping_and_then_without_asking(
    browser_page, tree, person, tmp_path
):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    march, april = tmp_path / "三月排查台账.xlsx", tmp_path / "四月排查台账.xlsx"
    march.write_bytes(office_sheet(ROWS))
    april.write_bytes(office_sheet([[1, "2024.4.2", "甲一调", "赵六", "邻里噪音", "邻里"]]))
    login(page, "fzb")

    upload(page, march)
    assert "对应表格的列" in page.locator("h1").inner_text()
    # Suggested from the headers: 矛盾纠纷简要情况 → 纠纷简况, 登记日期 → 受理日期.
    row = page.locator("#mapping tbody tr:has-text('矛盾纠纷简要情况') select")
    assert row.evaluate("s => s.options[s.selectedIndex].text") == "纠纷简况"
    page.fill("input[name=fixed_channel]", "网格上报")
    page.screenshot(path=str(tmp_path / "mapping.png"), full_page=True)
    page.click("button:has-text('确认对应')")
    page.wait_for_selector("h1:has-text('预览')")
    assert page.locator("#preview tbody tr").count() == 3
    page.click("button:has-text('导入全部 3 行')")
    page.wait_for_selector("text=3")
    assert Dispute.objects.count() == 3

    upload(page, april)
    assert "预览" in page.locator("h1").inner_text()  # the layout is remembered: no mapping asked
    page.click("button:has-text('导入全部 1 行')")
    page.wait_for_load_state("networkidle")
    assert Dispute.objects.count() == 4
