"""The sign-in page carries the system's name, is styled by the platform's own stylesheet and loads
nothing from elsewhere (an intranet has no internet)."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_login_page_names_the_system_and_loads_nothing_remote(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("h1").get_text(strip=True) == "法治街道工作台"
    assert "login-page" in page.body["class"]
    assert page.find("form", class_="login-form").find("input", attrs={"name": "password"})
    resources = [el.get("src") or el.get("href") for el in page.find_all(["link", "script", "img"])]
    assert resources and all(r.startswith("/static/") for r in resources if r), resources
    assert not re.search(r"(src|href)=\"(https?:)?//", response.content.decode())
    stylesheet = client.get("/static/web/fazhi.css")
    css = (
        b"".join(stylesheet.streaming_content).decode()
        if stylesheet.streaming
        else stylesheet.content.decode()
    )
    assert ".login-form" in css and "url(" not in css.split("login-page", 1)[1]
