"""A person filters the dispute list, sorts it by a column both ways and shows 50 a page: the filter
stays applied through every click, and a new filter keeps the sort and the page size."""

import datetime

import pytest

from tests.conftest import TODAY, login
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def numbers(page) -> list[str]:
    return page.locator("table.grid tbody tr td:nth-child(2) a").all_inner_texts()  # after the tick box


def test_sort_by_a_column_and_change_the_page_size_keeping_the_filter(browser_page, tree, person):
    page = browser_page
    handler = person("med_a", "handler", tree["a-tw"])
    grid = [
        new_dispute(handler, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=n), channel="grid")
        for n in range(23)
    ]  # grid[0] received last, grid[22] first
    visits = [new_dispute(handler, tree["a-tw"], channel="visit") for _ in range(2)]
    login(page, "med_a")

    page.goto("/disputes/")
    page.select_option("select[name=channel]", label="网格上报")
    page.click("button:has-text('筛选')")
    page.wait_for_selector("text=共 23 件")

    page.click("th a:has-text('受理日期')")
    page.wait_for_selector("th[aria-sort=ascending] >> text=受理日期")
    shown = numbers(page)
    assert len(shown) == 20 and shown[0] == grid[22].number and shown[-1] == grid[3].number

    page.click("th a:has-text('受理日期')")
    page.wait_for_selector("th[aria-sort=descending] >> text=受理日期")
    assert numbers(page)[:2] == [grid[0].number, grid[1].number]

    page.click(".page-sizes a:has-text('50')")
    page.wait_for_selector(".page-sizes strong:has-text('50')")
    shown = numbers(page)
    assert shown == [d.number for d in grid]  # all 23, newest first, no visit among them
    assert not {d.number for d in visits} & set(shown)
    assert page.locator("select[name=channel]").input_value() == "grid"
    assert "第 1 / 1 页" in page.locator("nav.pager").inner_text()

    # A new filter from the form keeps the sort and the page size.
    page.fill("input[name=received_from]", (TODAY - datetime.timedelta(days=9)).isoformat())
    page.click("button:has-text('筛选')")
    page.wait_for_selector("text=共 10 件")
    assert numbers(page) == [d.number for d in grid[:10]]
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("受理日期")
    assert page.locator(".page-sizes strong").inner_text() == "50"
    assert page.locator("select[name=channel]").input_value() == "grid"
