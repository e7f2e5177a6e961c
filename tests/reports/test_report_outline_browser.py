"""In a browser: the office renames a part, adds its own sub-head, moves a drafted paragraph into it,
inserts a figure with the picker and downloads Word with the headings at their levels."""

import pytest
from docx import Document
from report_fakes import install_fake_figures

from fazhi.reports import services
from fazhi.reports.models import Paragraph, Section
from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rename_add_move_and_export_word(browser_page, tree, person, monkeypatch):
    install_fake_figures(monkeypatch)
    writer = person("fazhiban", "office", tree["a"])
    report = services.draft_report(writer, tree["a"], 2024)
    measures = Section.objects.get(report=report, key="measures")
    violations = []
    browser_page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )

    login(browser_page, "fazhiban")
    browser_page.goto(report.get_absolute_url())
    card = browser_page.locator(f"#section-{measures.pk}")
    card.get_by_label("修改标题").fill("主要举措和成效")
    card.get_by_role("button", name="改名").click()
    browser_page.get_by_text("标题已修改。").wait_for()

    card = browser_page.locator(f"#section-{measures.pk}")
    card.get_by_label("新增标题").fill("扎实推进抓源促治，强化纠纷源头化解")
    card.get_by_role("button", name="新增下级标题").click()
    browser_page.get_by_text("已新增标题").wait_for()
    own = Section.objects.get(report=report, title="扎实推进抓源促治，强化纠纷源头化解")

    paragraph = Paragraph.objects.get(section__report=report, draft_key="disputes.summary")
    box = browser_page.locator(f"#paragraph-{paragraph.pk}")
    box.get_by_label("将本段移至").select_option(str(own.pk))
    box.get_by_role("button", name="移动").click()
    browser_page.get_by_text("段落已移至").wait_for()
    assert "共接收矛盾纠纷3218件" in browser_page.locator(f"#section-{own.pk}").inner_text()

    # the insert-figure picker: a figure chosen by name goes into the paragraph being edited
    box = browser_page.locator(f"#paragraph-{paragraph.pk}")
    box.locator("textarea").fill("全年接收矛盾纠纷")
    box.locator("textarea").focus()
    browser_page.get_by_label("选择要插入的指标").select_option("disputes.received")
    browser_page.get_by_role("button", name="插入到正在编辑的段落").click()
    assert box.locator("textarea").input_value() == "全年接收矛盾纠纷{{disputes.received}}"
    box.locator("textarea").press("End")
    box.locator("textarea").type("件。")
    box.get_by_role("button", name="保存").click()
    browser_page.locator(f"#paragraph-{paragraph.pk} .report-source strong").wait_for()
    assert (
        browser_page.locator(f"#paragraph-{paragraph.pk} .report-rendered").inner_text()
        == "全年接收矛盾纠纷3218件。"
    )

    with browser_page.expect_download() as download:
        browser_page.get_by_role("link", name="下载Word").click()
    word = Document(download.value.path())
    by_text = {p.text: p.style.name for p in word.paragraphs}
    assert by_text["一、主要举措和成效"] == "Heading 1"
    assert by_text["（一）扎实推进抓源促治，强化纠纷源头化解"] == "Heading 2"
    assert "全年接收矛盾纠纷3218件。" in by_text
    assert violations == []
