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
    ]  # fmt: skip
    rows.append(rows[1])  # the same ticket twice in one file, the same values
    first = upload(client, rows)
    assert first.status_code == 302, first.content.decode()[:2000]
    assert CitizenDemand.objects.count() == 3
    handled = CitizenDemand.objects.get(external_number="GD20260002")
    assert handled.status == "handled" and handled.resolved and handled.satisfied is True
    second = upload(client, rows)
    assert second.status_code == 302
    assert CitizenDemand.objects.count() == 3
    message = "已导入0件民意诉求；3件已导入过且无变化；1行与本文件前面的行重复，未重复登记。"
    assert message in client.get(second.url).content.decode()
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
    for text in ("第3行", "“b”不是您可以登记民意诉求的单位", "第4行", "不能承办民意诉求", "第5行", "状态为“已办结”时必填办结日期",
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


def test_petition_ledger_round_trips_through_excel(client, clerk, xf):
    from fazhi.ledger.models import NumberSequence
    from fazhi.petitions import services
    from fazhi.petitions.models import Petition, Petitioner
    from tests.petitions.petition_fixtures import ID_A, accept, new_petition

    client.force_login(clerk)
    new_petition(clerk, xf["a-xf"], leader_reception=True, receiving_leader="吴主任", persons=6)
    accepted = accept(clerk, new_petition(clerk, xf["a-sq"], name="李四", transferred_from="区信访局"))
    services.issue_opinion(clerk, accepted, accepted.version, opinion_on=TODAY, result="support", text="支持")

    def fields(p):
        party = p.parties.get()
        return (p.org.code, p.received_on, p.form, p.transferred_from, p.persons, p.is_group, p.leader_reception,
                p.status, p.decided_on, p.opinion_on, p.opinion_result, p.acceptance_due, p.handling_due,
                party.name, party.id_number, party.phone)  # fmt: skip

    before = sorted(fields(p) for p in Petition.objects.all())
    response = client.get("/petitions/excel/export/")
    assert response.status_code == 200
    row = [c.value for c in load_workbook(io.BytesIO(response.content)).active[2]]
    assert ID_A in row  # a 信访 role sees personal data in its units: whole in its own file
    Petitioner.objects.all().delete()
    Petition.objects.all().delete()
    NumberSequence.objects.all().delete()
    content = io.BytesIO(response.content)
    content.name = "信访台账.xlsx"
    assert client.post("/petitions/excel/import/", {"file": content}).status_code == 302
    assert sorted(fields(p) for p in Petition.objects.all()) == before


def test_petition_import_names_every_bad_cell(client, clerk, xf):
    from fazhi.petitions.columns import PETITION_SHEET
    from fazhi.petitions.models import Petition

    client.force_login(clerk)
    good = {
        "received_on": datetime.date(2026, 7, 1),
        "form": "visit",
        "org": "a-xf",
        "name": "张三",
        "matter": "噪声",
    }
    rows = [
        good,
        good | {"status": "accepted"},  # no notice date
        good | {"status": "answered", "decided_on": datetime.date(2026, 7, 2)},  # no opinion
        good | {"leader_reception": True},  # no leader
        good | {"org": "a-tw"},  # a mediation committee holds no petition
    ]
    content = io.BytesIO(export(PETITION_SHEET, rows))
    content.name = "bad.xlsx"
    body = client.post("/petitions/excel/import/", {"file": content}).content.decode()
    for text in (
        "第3行",
        "必填告知日期",
        "第4行",
        "出具处理意见书日期",
        "第5行",
        "接访领导",
        "第6行",
        "不能承办信访事项",
    ):
        assert text in body, text
    assert not Petition.objects.exists()
