"""In the browser: a case registered on 21 December 2026 shows its 2027 answer date as 「暂定」 with the reason;
once the 2027 notice is entered, the page shows the exact date without the flag."""

import datetime

import pytest

from fazhi.deadlines.models import HolidayNotice
from fazhi.ledger.recompute import recompute_open_records
from fazhi.litigation.models import Case
from tests.conftest import clock_at, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_provisional_answer_date_in_the_page_and_its_correction(browser_page, tree, person):
    page = browser_page
    person("fzb", "office", tree["a"], full_name="周法治")
    admin = person("sys", "sys_admin", tree["district"])
    with clock_at(datetime.date(2026, 12, 21)):
        login(page, "fzb")
        page.goto("/litigation/new/")
        page.select_option("select[name=org]", label="甲街道（街道）")
        page.select_option("select[name=kind]", label="行政诉讼")
        page.fill("input[name=court]", "测试区人民法院")
        page.fill("textarea[name=disputed_act]", "违法建筑限期拆除决定")
        page.fill("input[name=copy_received_on]", "2026-12-20")
        page.fill("input[name=p-0-name]", "王五")
        page.click("button:has-text('登记')")
        page.wait_for_selector("text=已登记")
        due = page.locator("#reply-due").inner_text()
        assert "2027年1月4日" in due and "暂定" in due and "2027年节假日安排尚未录入" in due

        # 4 January 2027 becomes a rest day in the notice the system administrator enters.
        HolidayNotice.objects.create(
            year=2027, title="2027年节假日安排（测试）", holidays="2027-01-01至2027-01-04", entered_by=admin
        )
        moved = recompute_open_records(admin, 2027)
        assert [m.record.pk for m in moved] == [Case.objects.get().pk]
        page.reload()
        due = page.locator("#reply-due").inner_text()
        assert "2027年1月5日" in due and "暂定" not in due
