"""The API's answers to an outsider (issue 12): schema and browsable pages need sign-in; 401 and CSRF say so."""

import pytest
from rest_framework.test import APIClient

from tests.conftest import PASSWORD


@pytest.fixture
def api():
    return APIClient(enforce_csrf_checks=True)


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_the_schema_and_docs_need_sign_in(api, db, path):
    assert api.get(path).status_code in (401, 403)


def test_the_browsable_api_is_not_served_to_an_outsider(api, db):
    answer = api.get("/api/", HTTP_ACCEPT="text/html")
    assert answer.status_code in (401, 403)
    assert "text/html" not in answer["Content-Type"]


def test_a_csrf_failure_says_csrf_not_no_permission(api, tree, person):
    person("m", "handler", tree["a-tw"])
    api.login(username="m", password=PASSWORD)
    answer = api.post("/api/auth/token/", {}, format="json")  # open endpoint: reaches its own check
    answer = api.post("/api/disputes/", {}, format="json")
    assert answer.status_code == 403
    error = answer.json()["error"]
    assert error["code"] == "csrf_failed"
    assert "无权" not in error["message"] and "刷新" in error["message"]


def test_pages_carry_a_permissions_policy(client, db):
    answer = client.get("/accounts/login/")
    policy = answer["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy
