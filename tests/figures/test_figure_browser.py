import pytest

from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_draws_its_charts(browser_page, tree, person, events, tmp_path):
    person("fzb", "office", tree["a"])
    events("a-sq-tw", "2023-03-02", 2)
    events("a-sq-tw", "2024-03-02", 3)
    events("a-tw", "2024-06-20", 1)
    login(browser_page, "fzb")
    browser_page.goto("/figures/?year=2024")
    assert "甲街道" in browser_page.locator("h1").inner_text()
    kpi = browser_page.locator('.kpi[data-code="test.events"]')
    assert "同比上升100%" in kpi.inner_text()
    # ECharts (served from static/vendor) draws into a canvas; no CSP violation stops the script.
    browser_page.wait_for_selector("#trend-chart canvas")
    browser_page.wait_for_selector("[id^=breakdown-] canvas")
    browser_page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)


def test_district_page_draws_the_comparison(browser_page, tree, person, events):
    person("qu", "district_reviewer", tree["district"])
    events("b-sq-tw", "2024-04-01", 5)
    login(browser_page, "qu")
    browser_page.goto("/figures/district/?year=2024")
    assert "各街道指标对比" in browser_page.locator("h1").inner_text()
    browser_page.wait_for_selector("#district-chart canvas")
