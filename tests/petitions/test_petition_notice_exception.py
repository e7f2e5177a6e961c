"""信访工作条例 第二十三条第二款: a matter brought directly is told within 15 日 whether it is accepted, "但信访人的
姓名（名称）、住址不清的除外". The record can state the exception; no acceptance-notice date is then computed,
flagged or listed on the home board. The third paragraph (transferred matters) has no such exception."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.errors import FazhiError
from fazhi.ledger.excel import export
from fazhi.petitions import services
from fazhi.petitions.columns import PETITION_SHEET
from fazhi.petitions.models import Petition
from tests.conftest import PASSWORD, TODAY
from tests.petitions.petition_fixtures import accept, new_petition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
LONG_AGO = TODAY - datetime.timedelta(days=20)  # its 15 日 have run out


@pytest.fixture
def signed_in(client, clerk):
    client.login(username="xinfang_a", password=PASSWORD)
    return client


def test_no_acceptance_notice_date_when_name_and_address_are_unclear(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], received_on=LONG_AGO, identity_unclear=True, name="不详")
    assert petition.acceptance_due is None and petition.due_date is None
    assert petition.deadline_status() == "ok"  # not flagged although 20 days have passed
    assert "acceptance_due" not in {s["field"] for s in petition.stages()}
    assert "姓名（名称）、住址不清的除外" in petition.notice_exception
    assert "第二十三条第二款" in petition.notice_exception
    # accepting still starts the handling period (第三十四条)
    accepted = accept(clerk, petition, TODAY)
    assert accepted.handling_due is not None and accepted.due_date == accepted.handling_due


def test_the_exception_can_be_stated_and_withdrawn_later(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], received_on=LONG_AGO)
    assert petition.due_date is not None and petition.deadline_status() == "overdue"
    stated = services.update_details(clerk, petition, petition.version, identity_unclear=True)
    assert stated.due_date is None and stated.deadline_status() == "ok"
    withdrawn = services.update_details(clerk, stated, stated.version, identity_unclear=False)
    assert withdrawn.acceptance_due == withdrawn.due_date == petition.acceptance_due


def test_a_transferred_matter_has_no_such_exception(clerk, xf):
    with pytest.raises(FazhiError, match="第二十三条第三款") as refused:
        new_petition(clerk, xf["a-xf"], transferred_from="区信访局", identity_unclear=True)
    assert "identity_unclear" in refused.value.fields
    assert not Petition.objects.exists()


def test_record_page_states_it_and_home_board_leaves_it_out(signed_in, clerk, xf):
    excepted = new_petition(clerk, xf["a-xf"], received_on=LONG_AGO, identity_unclear=True, name="匿名")
    due = new_petition(clerk, xf["a-xf"], received_on=LONG_AGO)
    page = signed_in.get(f"/petitions/{excepted.pk}/").content.decode()
    assert 'id="notice-exception"' in page and "不计受理告知期限" in page
    assert "已超期" not in page
    board = signed_in.get("/").content.decode()
    assert due.number in board and excepted.number not in board


def test_registration_page_and_api_take_the_flag(signed_in, clerk, xf):
    from tests.petitions.test_petition_pages import register_post

    response = signed_in.post("/petitions/new/", register_post(xf["a-xf"], identity_unclear="on"))
    assert response.status_code == 302
    petition = Petition.objects.get()
    assert petition.identity_unclear and petition.due_date is None
    api = APIClient()
    api.force_authenticate(clerk)
    data = api.get(f"/api/petitions/{petition.pk}/").json()
    assert data["identity_unclear"] is True and data["acceptance_due"] is None
    body = {"org": "a-xf", "received_on": TODAY.isoformat(), "matter": "匿名来信反映噪声",
            "identity_unclear": True, "parties": [{"name": "不详"}]}  # fmt: skip
    created = api.post("/api/petitions/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["due_date"] is None


def test_excel_round_trips_the_flag_and_refuses_it_on_a_transferred_row(client, clerk, xf):
    client.force_login(clerk)
    new_petition(clerk, xf["a-xf"], identity_unclear=True, name="不详")
    exported = client.get("/petitions/excel/export/").content
    sheet = load_workbook(io.BytesIO(exported)).active
    headers = [c.value for c in sheet[1]]
    assert sheet[2][headers.index("姓名住址不清")].value in (True, "是")
    row = {"received_on": TODAY, "form": "letter", "org": "a-xf", "name": "不详", "matter": "匿名来信",
           "identity_unclear": True}  # fmt: skip
    content = io.BytesIO(export(PETITION_SHEET, [row, row | {"transferred_from": "区信访局"}]))
    content.name = "信访台账.xlsx"
    body = client.post("/petitions/excel/import/", {"file": content}).content.decode()
    assert "第3行" in body and "没有姓名、住址不清的例外" in body
    assert Petition.objects.count() == 1
    content = io.BytesIO(export(PETITION_SHEET, [row]))
    content.name = "信访台账.xlsx"
    assert client.post("/petitions/excel/import/", {"file": content}).status_code == 302
    imported = Petition.objects.order_by("pk").last()
    assert imported.identity_unclear and imported.due_date is None
