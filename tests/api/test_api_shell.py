import re

import pytest
from rest_framework.test import APIClient

from tests.conftest import PASSWORD


@pytest.fixture
def api():
    return APIClient()


def test_a_token_is_issued_and_authenticates(api, tree, person):
    person("mediator", "handler", tree["a-tw"])
    answer = api.post("/api/auth/token/", {"username": "mediator", "password": PASSWORD}, format="json")
    assert answer.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {answer.json()['token']}")
    me = api.get("/api/me/").json()
    assert me["username"] == "mediator"
    assert {o["code"] for o in me["orgs"]} == {"a-tw"}


def test_a_wrong_password_gets_the_error_format_in_chinese(api, tree, person):
    person("mediator", "handler", tree["a-tw"])
    answer = api.post("/api/auth/token/", {"username": "mediator", "password": "nope"}, format="json")
    assert answer.status_code == 401
    error = answer.json()["error"]
    assert error["code"] == "authentication_failed"
    assert "用户名或密码错误" in error["message"]


def test_a_missing_field_names_the_field(api, db):
    answer = api.post("/api/auth/token/", {"username": "x"}, format="json")
    assert answer.status_code == 400
    assert "password" in answer.json()["error"]["fields"]


def test_anonymous_requests_are_refused_in_chinese(api, db):
    answer = api.get("/api/me/")
    assert answer.status_code in (401, 403)
    assert answer.json()["error"]["message"].startswith("尚未登录")


def test_unknown_api_paths_answer_in_the_error_format(api, db):
    answer = api.get("/api/no-such-thing/")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_the_schema_and_its_docs_page_are_served_locally(api, tree, person):
    person("mediator", "handler", tree["a-tw"])
    api.login(username="mediator", password=PASSWORD)
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/auth/token/" in schema.json()["paths"]
    docs = api.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
    # its inline style carries the nonce the CSP header allows, so the browser applies it
    nonce = re.search(r"'nonce-([^']+)'", docs["Content-Security-Policy"]).group(1)
    assert f'<style nonce="{nonce}">' in html


def test_a_page_past_the_end_says_so_and_a_missing_record_says_not_found(api, tree, person):
    person("mediator", "handler", tree["a-tw"])
    api.login(username="mediator", password=PASSWORD)
    for page in ("abc", "0", "99"):
        error = api.get("/api/disputes/", {"page": page}).json()["error"]
        assert error["message"].startswith("页码无效"), error
    missing = api.get("/api/disputes/987654/")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "没有找到该记录，或您无权查看。"
