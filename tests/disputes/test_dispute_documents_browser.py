"""In the browser: a mediator downloads a dispute's 受理通知书 from its page, an A4 Word file with the unit's
letterhead, the number and the parties, under its Chinese name."""

import pytest
from docx import Document
from docx.shared import Mm

from tests.conftest import login
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_mediator_downloads_the_acceptance_notice(browser_page, tree, person):
    page = browser_page
    mediator = person("med_a", "handler", tree["a-tw"], full_name="李调解")
    dispute = new_dispute(mediator, tree["a-tw"])
    login(page, "med_a")
    page.goto(f"/disputes/{dispute.pk}/")
    row = page.locator("#documents li", has_text="受理通知书")
    with page.expect_download() as info:
        row.locator("a", has_text="Word").click()
    download = info.value
    assert download.suggested_filename == f"受理通知书-{dispute.number}.docx"
    word = Document(str(download.path()))
    assert abs(word.sections[0].page_width - Mm(210)) < Mm(0.5)
    text = "\n".join(p.text for p in word.paragraphs)
    assert word.paragraphs[0].text == tree["a-tw"].name and dispute.number in text
    assert "张三" in text and "李四" in text
