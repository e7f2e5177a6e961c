"""POST /api/report-analysis/: the analyzer's JSON, or the API's error format in Chinese."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from test_analyzer_seeds import WUCHANG

from tests.conftest import PASSWORD, seed_path

URL = "/api/report-analysis/"


@pytest.fixture
def api(client, tree, person):
    person("qushenyue", "district_reviewer", tree["district"])
    assert client.login(username="qushenyue", password=PASSWORD)
    return client


def seed_file():
    path = seed_path(WUCHANG)
    return SimpleUploadedFile("wuchang.txt", path.read_bytes())


def test_returns_the_analysis_without_the_text(api):
    response = api.post(URL, {"file": seed_file()})
    assert response.status_code == 200
    data = response.json()
    assert "text" not in data
    assert data["issuer"] == "杭州市余杭区人民政府五常街道办事处"
    assert (data["year"], data["signed"], data["missing"]) == (2024, "2024-02-18", [])
    assert data["outline"][0]["title"] == "主要举措和成效"
    received = [f for f in data["figures"] if f["text"] == "3218件"]
    assert received and received[0]["value"] == 3218 and received[0]["code"] == "disputes.received"


def test_garbage_is_a_400_in_the_error_format(api):
    response = api.post(URL, {"file": SimpleUploadedFile("x.bin", bytes(range(256)) * 40)})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "report_unreadable"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])


def test_missing_file_is_a_400(api):
    response = api.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "提交的数据有误：请在 file 字段上传报告文件。"


def test_too_large_file_is_refused(api):
    big = SimpleUploadedFile("big.txt", "法治".encode() * (1024 * 1024))
    response = api.post(URL, {"file": big})
    assert response.status_code == 400 and "文件过大" in response.json()["error"]["message"]


def test_needs_a_ledger_role(client, tree, person):
    assert client.post(URL, {"file": SimpleUploadedFile("a.txt", b"x")}).status_code in (401, 403)
    person("norole")
    assert client.login(username="norole", password=PASSWORD)
    response = client.post(URL, {"file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 403 and "台账角色" in response.json()["error"]["message"]


def test_documented_in_the_schema(api):
    schema = api.get("/api/schema/?format=json").json()
    post = schema["paths"]["/api/report-analysis/"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"200", "400"} <= set(post["responses"])
