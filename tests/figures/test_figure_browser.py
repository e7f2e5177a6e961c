import datetime

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


@pytest.fixture
def small_series():
    """A second trend figure far smaller than the test events: one a month."""
    from fazhi.figures import registry

    registry.declare(registry.Figure("test.few", "少量事项", "件", lambda orgs, start, end: 1))
    registry.trend_figures("test.few")
    yield
    registry._REGISTRY.pop("test.few", None)
    registry._TREND.remove("test.few")


def test_a_small_series_gets_its_own_axis_and_future_months_no_point(
    browser_page, tree, person, events, small_series, monkeypatch
):
    monkeypatch.setattr("fazhi.figures.dashboard.today", lambda: datetime.date(2024, 6, 15))
    person("fzb", "office", tree["a"])
    events("a-tw", "2024-03-02", 300)
    login(browser_page, "fzb")
    browser_page.goto("/figures/?year=2024")
    browser_page.wait_for_selector("#trend-chart canvas")
    option = browser_page.evaluate(
        "() => { const o = echarts.getInstanceByDom(document.getElementById('trend-chart')).getOption();"
        " return {axes: o.yAxis.length, series: o.series.map(s => [s.name, s.yAxisIndex, s.data])}; }"
    )
    assert option["axes"] == 2
    by_name = {name: (axis, data) for name, axis, data in option["series"]}
    assert by_name["测试事件"][0] == 0 and by_name["少量事项（右轴）"][0] == 1
    assert by_name["测试事件"][1][2] == 300 and by_name["测试事件"][1][6:] == [None] * 6
