from urllib.parse import urlparse

import pytest

from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_logs_in_and_sees_the_home_page(browser_page, tree, person, tmp_path):
    person("mediator", "handler", tree["a-tw"], full_name="李调解")
    login(browser_page, "mediator")
    assert urlparse(browser_page.url).path == "/"
    assert browser_page.locator("h1").inner_text() == "我的待办"
    assert "李调解" in browser_page.locator("header").inner_text()
    assert browser_page.locator("nav.worklines a").first.inner_text() == "首页"
    browser_page.screenshot(path=str(tmp_path / "home.png"), full_page=True)


def test_a_wrong_password_is_refused_in_chinese(browser_page, tree, person):
    person("mediator", "handler", tree["a-tw"])
    login(browser_page, "mediator", "wrong-password")
    assert "/accounts/login/" in browser_page.url
    assert "用户名或密码错误" in browser_page.content()
