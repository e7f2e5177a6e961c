"""A platform's export imported again: a 工单 already held (same channel and 工单编号) is updated from its row
— through the ledger kit, audited, all in one transaction — not registered twice nor refused; the page says
how many were created, updated and unchanged."""

import datetime
import io

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import export
from fazhi.petitions.columns import DEMAND_SHEET
from fazhi.petitions.importing import import_demands
from fazhi.petitions.models import CitizenDemand
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date
DEMAND = CitizenDemand._meta.label_lower

ROW = {"channel": "hotline", "received_on": D(2026, 7, 1), "org": "a", "category": "市容环境",
       "content": "垃圾未及时清运", "due_date": D(2026, 7, 10)}  # fmt: skip
FIRST = [ROW | {"external_number": f"GD{n}"} for n in (1, 2, 3)]
HANDLED = {"status": "handled", "handled_on": D(2026, 7, 8), "reply": "已清运", "resolved": True,
           "satisfied": True}  # fmt: skip


def rows(*items):
    return [item | {"_row": n} for n, item in enumerate(items, start=2)]


def upload(client, items, name="12345导出.xlsx"):
    content = io.BytesIO(export(DEMAND_SHEET, items))
    content.name = name
    return client.post("/petitions/demands/excel/import/", {"file": content})


@pytest.fixture
def imported(clerk, xf):
    result = import_demands(clerk, rows(*FIRST), source="第一次.xlsx")
    assert result.ok and len(result.created) == 3
    return {d.external_number: d for d in CitizenDemand.objects.all()}


def test_reimport_updates_held_tickets_and_counts_each_kind(clerk, imported):
    before = {k: (d.pk, d.number, d.version) for k, d in imported.items()}
    second = rows(
        FIRST[0] | HANDLED,  # the platform now shows it 办结
        FIRST[1] | {"content": "垃圾未及时清运，异味明显", "due_date": D(2026, 7, 12)},
        FIRST[2],  # as it was
        ROW | {"external_number": "GD4"},  # new
    )
    result = import_demands(clerk, second, source="第二次.xlsx")
    assert result.ok, result.errors
    assert (len(result.created), len(result.updated), result.unchanged) == (1, 2, 1)
    assert result.summary("件民意诉求") == "已导入1件民意诉求；更新2件；1件已导入过且无变化。"
    assert CitizenDemand.objects.count() == 4
    now = {d.external_number: d for d in CitizenDemand.objects.all()}
    handled, edited, same = now["GD1"], now["GD2"], now["GD3"]
    # the same records, numbers kept, versions moved only where something changed
    assert (handled.pk, handled.number) == before["GD1"][:2] and handled.version == before["GD1"][2] + 1
    assert handled.status == "handled" and handled.resolved and handled.satisfied is True
    assert handled.handled_on == D(2026, 7, 8) and handled.reply == "已清运"
    assert edited.content.endswith("异味明显") and edited.due_date == D(2026, 7, 12)
    assert edited.version == before["GD2"][2] + 1 and same.version == before["GD3"][2]
    # each change in the audit trail (the move to 已办结 as a transition), and one entry naming the file
    assert AuditEntry.objects.filter(
        action=Action.TRANSITION, target_type=DEMAND, target_id=handled.pk
    ).exists()
    entry = AuditEntry.objects.get(action=Action.UPDATE, target_type=DEMAND, target_id=edited.pk)
    assert "content" in entry.changes or "诉求内容" in str(entry.changes)
    assert (
        not AuditEntry.objects.filter(target_type=DEMAND, target_id=same.pk)
        .exclude(action=Action.IMPORT)
        .exists()
    )
    summary = AuditEntry.objects.get(action=Action.IMPORT, target_repr__startswith="第二次.xlsx：更新")
    assert handled.number in str(summary.changes) and edited.number in str(summary.changes)


def test_one_bad_row_and_nothing_is_updated_or_created(clerk, imported):
    second = rows(
        FIRST[0] | {"content": "改过的内容"},
        ROW | {"external_number": "GD4"},
        FIRST[1] | {"status": "handled"},  # no 办结日期
    )
    result = import_demands(clerk, second, source="坏.xlsx")
    assert not result.ok and [(e.row, e.column) for e in result.errors] == [(4, "办结日期")]
    assert CitizenDemand.objects.count() == 3
    assert CitizenDemand.objects.get(external_number="GD1").content == "垃圾未及时清运"


def test_a_refusal_by_the_services_during_the_update_rolls_everything_back(clerk, imported):
    second = rows(
        ROW | {"external_number": "GD4"},  # would be created
        FIRST[0] | {"content": "改过的内容"},  # would be updated
        FIRST[1] | {"received_on": TODAY + datetime.timedelta(days=3)},  # the service refuses a future date
    )
    result = import_demands(clerk, second, source="坏.xlsx")
    assert not result.ok
    [error] = result.errors
    assert error.row == 4 and "未能更新" in error.message and "不能晚于今天" in error.message
    assert result.created == [] and result.updated == []
    assert CitizenDemand.objects.count() == 3
    assert CitizenDemand.objects.get(external_number="GD1").content == "垃圾未及时清运"
    assert not AuditEntry.objects.filter(target_repr__startswith="坏.xlsx").exists()


def test_what_a_reimport_may_not_change_is_named_by_cell(clerk, xf, person, imported):
    import_demands(clerk, rows(ROW | {"external_number": "GD9"} | HANDLED), source="x.xlsx")
    other = person("xinfang_b", "petition", xf["b-xf"])
    assert import_demands(other, rows(ROW | {"external_number": "GDB", "org": "b-xf"}), source="b.xlsx").ok
    second = rows(
        FIRST[0] | {"org": "a-xf"},  # another unit of the same 街道
        ROW | {"external_number": "GD9"},  # back to 待办理
        ROW | {"external_number": "GDB"},  # held by another 街道
        FIRST[1],
        FIRST[1] | {"content": "另一种说法"},  # the same 工单 twice with different values
    )
    result = import_demands(clerk, second, source="坏.xlsx")
    errors = {(e.row, e.column): e.message for e in result.errors}
    assert "不能改为" in errors[(2, "承办单位")] and "请把承办单位改回" in errors[(2, "承办单位")]
    assert "已办结" in errors[(3, "状态")]
    assert "无权修改的单位" in errors[(4, "平台工单编号")]
    assert "乙" not in errors[(4, "平台工单编号")] and "b" not in errors[(4, "平台工单编号")]
    assert "与第5行是同一工单" in errors[(6, "平台工单编号")]
    assert CitizenDemand.objects.get(external_number="GDB").org.code == "b-xf"


def test_the_import_page_reports_created_updated_and_unchanged(client, clerk, imported):
    client.force_login(clerk)
    response = upload(client, [FIRST[0] | HANDLED, FIRST[1], FIRST[2], ROW | {"external_number": "GD4"}])
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response.url).content.decode()
    assert "已导入1件民意诉求；更新1件；2件已导入过且无变化。" in page
    assert CitizenDemand.objects.count() == 4
