"""Every download is named in Chinese (RFC 6266 filename*=utf-8''…): the Excel templates and exports of
every ledger, a record's documents, the reports, the calendar; and a name with characters Windows refuses
(a record number with "/", a title with ":") still saves."""

import re
from urllib.parse import unquote

import pytest

from fazhi.api.routes import all_web_paths
from fazhi.ledger.downloads import download_name, file_response
from tests.web.test_chinese_forms import everyone  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

EXCEL_PAGES = sorted(
    path for path, _ in all_web_paths() if path.endswith(("/excel/template/", "/excel/export/"))
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def saved_name(response) -> str:
    header = response["Content-Disposition"]
    assert header.startswith("attachment; filename*=utf-8''"), header
    return unquote(header.split("''", 1)[1])


def test_a_name_keeps_its_chinese_and_loses_what_windows_refuses():
    assert download_name("余杭/调〔2024〕3号: 协议书.docx") == "余杭-调〔2024〕3号- 协议书.docx"
    assert download_name(' "" ') == "下载"
    assert (
        saved_name(file_response(b"x", "纠纷调解台账.xlsx", "application/octet-stream"))
        == "纠纷调解台账.xlsx"
    )


@pytest.mark.parametrize("path", EXCEL_PAGES)
def test_every_excel_download_is_named_in_chinese(everyone, path):  # noqa: F811
    response = everyone.get(path)
    assert response.status_code == 200, path
    name = saved_name(response)
    assert CJK.search(name) and name.endswith(".xlsx"), name
    assert not re.search(r"[A-Za-z]{3,}", name.removesuffix(".xlsx")), name


def test_the_calendar_download_is_named_in_chinese(everyone):  # noqa: F811
    name = saved_name(everyone.get("/calendar/due.ics?month=2026-07"))
    assert name == "法定期限2026年7月.ics"
