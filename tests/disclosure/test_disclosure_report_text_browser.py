"""The yearly report's part 五 written on its page in the browser: the draft is offered, a refused text comes
back as typed, the saved text is what the exported Word file says."""

import pytest
from docx import Document

from tests.conftest import TODAY, clock_at, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OWN = "一是答复文书格式不够统一，已制定统一模板。"


def test_part_five_written_on_the_page_is_in_the_exported_word(browser_page, tree, person):
    page = browser_page
    person("gk", "petition", tree["a"], full_name="王公开")
    with clock_at(TODAY):
        login(page, "gk")
        page.goto("/disclosure/annual/?org=a&year=2025")
        five = page.locator("textarea[name=problems-text]")
        assert five.input_value().startswith("（请填写本年度")  # the draft, offered to be rewritten
        five.fill("   ")
        page.click("button:has-text('保存第五部分')")
        page.wait_for_selector("text=不能为空")
        five = page.locator("textarea[name=problems-text]")
        five.fill(OWN)
        page.click("button:has-text('保存第五部分')")
        page.wait_for_selector("text=已保存“五、存在的主要问题及改进情况”")
        assert page.locator("#part-problems").inner_text().count("本单位已保存的内容") == 1
        assert page.locator("textarea[name=problems-text]").input_value() == OWN
        with page.expect_download() as download:
            page.click("a:has-text('导出 Word')")
    paragraphs = [p.text.strip() for p in Document(download.value.path()).paragraphs]
    heading = paragraphs.index("五、存在的主要问题及改进情况")
    assert paragraphs[heading + 1] == OWN
    assert not any(p.startswith("（请填写本年度") for p in paragraphs)
