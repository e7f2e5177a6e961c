"""A new user looks a dispute up by the applicant's full phone number, as people type it, and exports
what was found: the workbook names the unit, not its code."""

import datetime

import pytest
from openpyxl import load_workbook

from fazhi.disputes import services
from tests.conftest import login
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_by_full_phone_then_export_names_the_unit(browser_page, tree, person, tmp_path):
    page = browser_page
    handler = person("med_a", "handler", tree["a-tw"])
    wanted = new_dispute(handler, tree["a-tw"], name="张三")  # applicant's phone 13812345678
    other = services.intake(
        handler,
        org=tree["a-tw"],
        channel="visit",
        received_on=datetime.date.today(),
        dispute_type=wanted.dispute_type,
        summary="另一件纠纷",
        persons_involved=2,
        parties=[services.PartyData(name="王五", phone="13900001111")],
    )
    login(page, "med_a")

    page.goto("/disputes/")
    page.get_by_label("身份证号/电话").fill("138 1234 5678")
    page.click("button:has-text('筛选')")
    page.wait_for_selector("text=共 1 件")
    table = page.locator("table.grid").inner_text()
    assert wanted.number in table and other.number not in table

    with page.expect_download() as download:
        page.click("text=导出当前筛选结果")
    saved = tmp_path / "disputes.xlsx"
    download.value.save_as(saved)
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if any(str(v or "").startswith("承办单位") for v in row))
    unit = next(i for i, v in enumerate(rows[header]) if str(v or "").startswith("承办单位"))
    data = [row for row in rows[header + 1 :] if any(row)]
    assert [row[unit] for row in data] == ["甲街道调委会"]
    assert wanted.number in data[0]
