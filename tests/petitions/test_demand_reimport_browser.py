"""A platform's export uploaded twice in the browser: the second file updates the 工单 it already holds (one now
办结) and the page reports what was created, updated and unchanged; nothing is registered twice."""

import datetime

import pytest

from fazhi.ledger.excel import export
from fazhi.petitions.columns import DEMAND_SHEET
from fazhi.petitions.models import CitizenDemand
from tests.conftest import login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("pinned_clock"),
]
D = datetime.date
ROW = {"channel": "hotline", "received_on": D(2026, 7, 1), "org": "甲街道信访办", "category": "市容环境",
       "content": "垃圾未及时清运"}  # fmt: skip


def upload(page, rows, name):
    page.goto("/petitions/demands/")
    page.click("a:has-text('Excel 导入')")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    page.set_input_files(
        "input[type=file]", {"name": name, "mimeType": xlsx, "buffer": export(DEMAND_SHEET, rows)}
    )
    page.click("button:has-text('上传并检查')")
    page.wait_for_load_state("networkidle")


def test_a_platform_file_uploaded_again_updates_its_tickets(browser_page, xf, person):
    page = browser_page
    person("xfd", "petition", xf["a"], full_name="郑信访")
    login(page, "xfd")
    first = [ROW | {"external_number": "12345-001"}, ROW | {"external_number": "12345-002"}]
    upload(page, first, "12345第一周.xlsx")
    page.wait_for_selector("text=已导入2件民意诉求。")
    numbers = dict(CitizenDemand.objects.values_list("external_number", "number"))

    handled = first[0] | {
        "status": "handled",
        "handled_on": D(2026, 7, 6),
        "reply": "已清运",
        "resolved": True,
    }
    upload(page, [handled, first[1], ROW | {"external_number": "12345-003"}], "12345第二周.xlsx")
    page.wait_for_selector("text=已导入1件民意诉求；更新1件；1件已导入过且无变化。")
    assert CitizenDemand.objects.count() == 3
    now = dict(CitizenDemand.objects.values_list("external_number", "number"))
    assert {k: now[k] for k in numbers} == numbers  # the same records, their numbers kept

    page.click(f"a:has-text('{numbers['12345-001']}')")
    assert "已办结" in page.locator("h1").inner_text()
    assert "已清运" in page.content()

    # a row that may not update its 工单 refuses the whole file, and says why
    upload(page, [first[0], ROW | {"external_number": "12345-004"}], "12345旧文件.xlsx")
    page.wait_for_selector("text=本次没有导入任何数据")
    assert "不能改回“待办理”" in page.content()
    assert CitizenDemand.objects.count() == 3
