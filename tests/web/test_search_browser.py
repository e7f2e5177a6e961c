"""The search box in the top bar, as a person uses it: a phone typed with spaces finds the party's dispute
and petition in their own 街道, and nothing for a person of another 街道."""

import pytest

from tests.conftest import login
from tests.disputes.dispute_fixtures import PHONE_A, new_dispute
from tests.petitions.petition_fixtures import new_petition

pytest_plugins = ["tests.petitions.conftest"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def search_from_the_top_bar(page, text):
    page.fill("header input[name=q]", text)
    page.press("header input[name=q]", "Enter")
    page.wait_for_load_state("networkidle")


def test_a_phone_finds_the_dispute_and_the_petition_of_one_street_only(
    browser_page, xf, person, clerk, tmp_path
):
    dispute = new_dispute(person("m", "handler", xf["a-tw"]), xf["a-tw"], name="王小明")
    petition = new_petition(clerk, xf["a-xf"], name="王小明")
    login(browser_page, "xinfang_a")
    search_from_the_top_bar(browser_page, "138 1234 5678")
    assert browser_page.locator("h1").inner_text() == "全台账搜索"
    body = browser_page.locator("main").inner_text()
    assert dispute.number in body and petition.number in body and "2个台账有结果" in body
    browser_page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    browser_page.click(f"text={petition.number}")
    browser_page.wait_for_load_state("networkidle")
    assert f"/petitions/{petition.pk}/" in browser_page.url

    person("xinfang_b", "petition", xf["b"])
    browser_page.context.clear_cookies()
    login(browser_page, "xinfang_b")
    search_from_the_top_bar(browser_page, PHONE_A)
    body = browser_page.locator("main").inner_text()
    assert "没有找到" in body and dispute.number not in body and petition.number not in body
