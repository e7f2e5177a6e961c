"""Issue 12 (low): upper bounds on free text and party count, and messages that say what happened — a
formula without a saved result, a fault of ours while reading a file, a database timeout, a refusal
that does not name units outside the person's scope."""

import datetime
import io

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from openpyxl import Workbook
from rest_framework.test import APIClient

from fazhi.api.errors import exception_handler
from fazhi.disputes.models import Dispute
from fazhi.errors import NotPermitted
from fazhi.ledger import excel_read
from fazhi.ledger.excel import Column, Sheet, parse
from fazhi.ledger.parties import MAX_PARTIES
from fazhi.ledger.services import MAX_TEXT_LENGTH, require_write
from fazhi.web.responses import ResponsePolicyMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(tree, person):
    client = APIClient()
    client.force_authenticate(person("med_a", "handler", tree["a-tw"]))
    return client


def new_dispute_body(**changes):
    body = {
        "org": "a-tw",
        "received_on": datetime.date.today().isoformat(),
        "dispute_type": "邻里",
        "summary": "楼上漏水",
        "persons_involved": 2,
        "parties": [{"name": "张三"}],
    }
    return body | changes


def test_a_dispute_with_too_many_parties_is_refused(api):
    parties = [{"name": f"当事人{n}"} for n in range(MAX_PARTIES + 1)]
    answer = api.post("/api/disputes/", new_dispute_body(parties=parties), format="json")
    assert answer.status_code == 400
    assert f"最多登记{MAX_PARTIES}位" in answer.json()["error"]["message"]
    assert not Dispute.objects.exists()


def test_free_text_beyond_the_limit_is_refused_on_the_api_and_the_page(api, client, tree):
    long_text = "漏" * (MAX_TEXT_LENGTH + 1)
    answer = api.post("/api/disputes/", new_dispute_body(summary=long_text), format="json")
    assert answer.status_code == 400
    assert f"最多{MAX_TEXT_LENGTH:,}字" in answer.json()["error"]["message"]
    assert not Dispute.objects.exists()
    assert api.post("/api/disputes/", new_dispute_body(summary="漏" * 500), format="json").status_code == 201


def test_a_refusal_names_only_units_the_person_may_read(tree, person):
    handler = person("med_a", "handler", tree["a-tw"])
    with pytest.raises(NotPermitted) as outside:
        require_write(handler, tree["b-tw"])
    assert "乙街道" not in outside.value.message and "该单位" in outside.value.message
    leader = person("leader_a", "leader", tree["a"])
    with pytest.raises(NotPermitted) as readable:
        require_write(leader, tree["a-tw"])
    assert "甲街道调委会" in readable.value.message


SHEET = Sheet("测试台账", (Column("名称", "name", required=True), Column("数量", "count", kind="int")))


def workbook(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "测试台账"
    sheet.append(["名称", "数量"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_formula_without_a_saved_result_is_not_reported_as_simply_empty():
    parsed = parse(SHEET, workbook([['=CONCATENATE("张","三")', 1]]))
    assert not parsed.ok
    assert "公式" in str(parsed.errors[0])
    plain = parse(SHEET, workbook([[None, 1]]))
    assert "公式" not in str(plain.errors[0]) and "必填" in str(plain.errors[0])


def test_a_fault_of_ours_while_reading_is_not_blamed_on_the_file(monkeypatch):
    def broken(column, value):
        raise AttributeError("a bug in a cell reader")

    for kind in excel_read.READERS:
        monkeypatch.setitem(excel_read.READERS, kind, broken)
    parsed = parse(SHEET, workbook([["张三", 1]]))
    message = str(parsed.errors[0])
    assert "系统出错" in message and "损坏" not in message


def test_a_database_timeout_is_a_chinese_503_on_pages_and_in_the_api():
    timeout = OperationalError("canceling statement due to statement timeout")
    page = ResponsePolicyMiddleware(lambda request: None).process_exception(
        RequestFactory().get("/disputes/"), timeout
    )
    assert page.status_code == 503 and "系统繁忙" in page.content.decode()
    answer = exception_handler(timeout, {})
    assert answer.status_code == 503 and "系统繁忙" in answer.data["error"]["message"]
