import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import export
from fazhi.petitions.columns import DEMAND_SHEET
from fazhi.petitions.models import CitizenDemand
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

GOOD = {
    "channel": "hotline",
    "external_number": "GD20260001",
    "received_on": datetime.date(2026, 7, 1),
    "org": "a",
    "category": "市容环境",
    "content": "垃圾未及时清运",
}


def upload(client, rows, name="12345导出.xlsx"):
    content = io.BytesIO(export(DEMAND_SHEET, rows))
    content.name = name
    return client.post("/petitions/demands/excel/import/", {"file": content})


def test_a_platform_file_imported_twice_creates_its_demands_once(client, clerk, xf):
    client.force_login(clerk)
    rows = [
        GOOD,
        GOOD | {"external_number": "GD20260002", "status": "handled", "handled_on": datetime.date(2026, 7, 3),
                "reply": "已清运", "resolved": True, "satisfied": True},
        GOOD | {"channel": "web_message", "external_number": "GD20260001", "content": "网站留言"},
        GOOD | {"external_number": "GD20260002"},  # the same ticket twice in one file
    ]  # fmt: skip
    first = upload(client, rows)
    assert first.status_code == 302, first.content.decode()[:2000]
    assert CitizenDemand.objects.count() == 3
    handled = CitizenDemand.objects.get(external_number="GD20260002")
    assert handled.status == "handled" and handled.resolved and handled.satisfied is True
    second = upload(client, rows)
    assert second.status_code == 302
    assert CitizenDemand.objects.count() == 3
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1  # the second file wrote nothing


def test_every_bad_cell_is_named_and_nothing_written(client, clerk, xf):
    client.force_login(clerk)
    rows = [
        GOOD,
        GOOD | {"external_number": "X2", "org": "b"},  # another 街道
        GOOD | {"external_number": "X3", "org": "a-tw"},  # a mediation committee holds no demand
        GOOD | {"external_number": "X4", "status": "handled"},  # no 办结日期
        GOOD
        | {"external_number": "X5", "handled_on": datetime.date(2026, 6, 1)},  # before received, not handled
    ]
    body = upload(client, rows).content.decode()
    assert "本次没有导入任何数据" in body
    for text in ("第3行", "您无权在“乙街道”登记民意诉求", "第4行", "不承办民意诉求", "第5行", "状态为“已办结”时必填办结日期",
                 "第6行", "办结日期不能早于受理日期"):  # fmt: skip
        assert text in body, text
    assert not CitizenDemand.objects.exists()
    # cells the engine itself refuses (a required ticket number and date left empty) are named too
    body = upload(client, [GOOD, GOOD | {"external_number": "", "received_on": None}]).content.decode()
    assert "第3行" in body and "平台工单编号" in body and "受理日期" in body
    assert not CitizenDemand.objects.exists()


def test_export_round_trips_and_template_downloads(client, clerk, xf):
    from fazhi.petitions import services

    client.force_login(clerk)
    services.register_demand(
        clerk, org=xf["a"], channel="deputy", external_number="ZT1", received_on=TODAY, content="诉求"
    )
    response = client.get("/petitions/demands/excel/export/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "ZT1" in [c.value for c in sheet[2]] and "代表直通车" in [c.value for c in sheet[2]]
    assert client.get("/petitions/demands/excel/export/", {"nonsense": "1"}).status_code == 400
    template = load_workbook(io.BytesIO(client.get("/petitions/demands/excel/template/").content))
    assert "民意诉求台账" in template.sheetnames
