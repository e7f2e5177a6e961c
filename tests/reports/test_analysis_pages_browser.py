"""In a browser: choose two files in the file input, analyse, read the figures table."""

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
    browser_page.get_by_role("button", name="导入为基线").click()
    assert "已将" in browser_page.locator(".messages").inner_text()
    browser_page.get_by_role("link", name="查看甲街道2024年指标看板").click()
    assert "/figures/" in browser_page.url
    assert violations == []
