"""In a browser: a paragraph is edited and saved in place (htmx under the strict CSP), then previewed."""

import pytest
from report_fakes import install_fake_figures

from fazhi.reports import services
from fazhi.reports.models import Paragraph, Source
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_edit_a_paragraph_in_place_and_preview(browser_page, tree, person, monkeypatch):
    install_fake_figures(monkeypatch)
    writer = person("fazhiban", "office", tree["a"])
    report = services.draft_report(writer, tree["a"], 2024)
    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    violations = []
    browser_page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )

    login(browser_page, "fazhiban")
    browser_page.goto(report.get_absolute_url())
    box = browser_page.locator(f"#paragraph-{paragraph.pk}")
    assert "共接收矛盾纠纷3218件" in box.locator(".report-rendered").inner_text()
    box.locator("textarea").fill("全年共接收矛盾纠纷{{disputes.received}}件，{{change:disputes.received}}。")
    box.get_by_role("button", name="保存").click()
    browser_page.locator(f"#paragraph-{paragraph.pk} .report-source strong").wait_for()

    box = browser_page.locator(f"#paragraph-{paragraph.pk}")
    assert box.locator(".report-rendered").inner_text() == "全年共接收矛盾纠纷3218件，同比上升18.22%。"
    assert "人工编辑" in box.locator(".report-source").inner_text()
    paragraph.refresh_from_db()
    assert paragraph.source == Source.EDITED

    browser_page.get_by_role("link", name="预览").click()
    assert "全年共接收矛盾纠纷3218件" in browser_page.locator("article.report-document").inner_text()
    assert violations == []
