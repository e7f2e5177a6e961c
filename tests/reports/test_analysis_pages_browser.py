"""In a browser: choose two files in the file input, analyse, read the figures table, and import a
baseline from another office's report: no unit chosen and nothing ticked for the person, a confirmation
that names the unit and the year."""

import pytest
from test_analyzer_seeds import WUCHANG

from tests.conftest import login, seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_and_read_the_figures(browser_page, tree, person):
    path = seed_path(WUCHANG)
    person("fazhiban", "office", tree["a"])
    violations = []
    browser_page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    login(browser_page, "fazhiban")
    browser_page.get_by_role("link", name="报告分析").click()
    browser_page.set_input_files(
        "input[type=file]",
        [
            {"name": "wuchang.txt", "mimeType": "text/plain", "buffer": path.read_bytes()},
            {"name": "scan.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 40},
        ],
    )
    browser_page.get_by_role("button", name="分析").click()
    table = browser_page.locator("table.analysis-figures")
    row = table.locator("tr", has_text="3218件")
    assert "接收矛盾纠纷" in row.inner_text()
    assert "scan.txt：无法分析" in browser_page.locator(".file-error").inner_text()
    reported = browser_page.locator("table.mandated .flag.present").first
    assert reported.is_visible() and "已报告" in reported.inner_text()  # a present item is shown, not hidden
    form = browser_page.locator("form.baseline-import")
    boxes = form.locator("input[name=codes]")
    assert boxes.count() > 3
    assert all(not boxes.nth(i).is_checked() for i in range(boxes.count()))  # nothing pre-ticked
    assert "不是您可填报的单位" in browser_page.locator(".import-target-note").inner_text()
    assert form.locator("select[name=org]").input_value() == ""  # another 街道's report: no unit chosen
    form.get_by_label("导入到单位").select_option(label="甲街道")
    form.get_by_role("row", name="接收矛盾纠纷").get_by_role("checkbox").check()
    form.get_by_role("button", name="导入为基线").click()
    assert "“甲街道”2024年" in browser_page.locator(".import-summary").inner_text()
    browser_page.get_by_role("button", name="确认导入到甲街道2024年").click()
    assert "已将 1 项指标导入" in browser_page.locator(".messages").inner_text()
    browser_page.get_by_role("link", name="查看甲街道2024年指标看板").click()
    assert "/figures/" in browser_page.url
    assert violations == []
