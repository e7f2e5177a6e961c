"""A 主动公开 posting in the browser: logged as pending (its 20 工作日 shown), published, and counted in
table 二 of the yearly report on the page and in the exported Word report."""

import pytest
from docx import Document

from fazhi.disclosure.models import Posting
from tests.conftest import TODAY, clock_at, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_posting_logged_published_and_counted_in_table_two(browser_page, tree, person):
    page = browser_page
    person("gk", "petition", tree["a"], full_name="王公开")
    with clock_at(TODAY):
        login(page, "gk")
        page.goto("/disclosure/postings/")
        page.click("a:has-text('登记主动公开信息')")
        page.select_option("select[name=kind]", label="行政处罚决定")
        page.fill("input[name=title]", "2026年6月行政处罚决定信息公开")
        page.fill("input[name=formed_on]", "2026-07-01")
        page.fill("input[name=decisions]", "14")
        page.click("button:has-text('保存')")
        page.wait_for_selector("text=已登记")
        posting = Posting.objects.get()
        assert "待公开" in page.locator("h1").inner_text()
        assert "2026年7月29日" in page.locator("#publish-due").inner_text()

        page.click("a:has-text('登记公开')")
        page.fill("input[name=published_on]", "2026-07-03")
        page.click("button:has-text('保存')")
        page.wait_for_selector("text=登记公开已保存")
        assert "已公开" in page.locator("h1").inner_text()

        page.goto("/disclosure/annual/?org=a&year=2026")
        row = page.locator("#table-two tr[data-row='行政处罚']")
        assert row.locator("td").inner_text() == "14"
        assert "第二十条第（六）项" in page.locator("#table-two").inner_text()
        assert "全年主动公开政府信息1条，其中行政处罚决定1条" in page.locator("#overview").inner_text()
        with page.expect_download() as download:
            page.click("a:has-text('导出 Word')")
        doc = Document(download.value.path())
        cells = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
        assert cells["行政处罚"] == "14"
    posting.refresh_from_db()
    assert posting.status == "published" and posting.decisions == 14
