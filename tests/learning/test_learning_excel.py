import datetime
import io

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.learning.columns import service_sheet
from fazhi.learning.importing import import_services
from fazhi.learning.models import ServiceRecord
from fazhi.ledger.excel import export, parse
from tests.learning.learning_fixtures import new_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

GOOD = {"served_on": datetime.date(2026, 3, 31), "kind": "consultation", "count": 45, "org": "a-yz"}


def _file(rows) -> io.BytesIO:
    upload = io.BytesIO(export(service_sheet(), rows))
    upload.name = "services.xlsx"
    return upload


def test_a_bad_activity_list_is_refused_whole_naming_every_bad_cell(client, office, units):
    rows = [
        GOOD,
        GOOD | {"org": "a-tw"},  # not a station
        GOOD | {"org": "b-yz"},  # another street
        GOOD | {"served_on": datetime.date(2026, 12, 31)},  # after today
        GOOD | {"count": 0},
    ]
    parsed = parse(service_sheet(), _file(rows))
    result = import_services(office, parsed.rows)
    assert not result.ok and not ServiceRecord.objects.exists()
    reasons = {(e.row, e.column) for e in result.errors}
    assert {(3, "驿站或法律顾问室"), (4, "驿站或法律顾问室"), (5, "日期")} <= reasons
    assert 2 not in {e.row for e in result.errors}

    client.force_login(office)
    body = client.post("/learning/excel/import/", {"file": _file(rows)}).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body and "不是公共法律服务驿站或法律顾问室" in body
    assert not ServiceRecord.objects.exists()


def test_a_good_list_imports_with_one_audit_entry_and_exports_back(client, office, units):
    rows = [GOOD, GOOD | {"kind": "企业法治体检", "count": 16}, GOOD | {"kind": "信息宣传", "count": 7}]
    client.force_login(office)
    response = client.post("/learning/excel/import/", {"file": _file(rows)})
    assert response.status_code == 302
    assert sorted(ServiceRecord.objects.values_list("kind", "count")) == [
        ("checkup", 16), ("consultation", 45), ("publicity", 7)
    ]  # fmt: skip
    imported = AuditEntry.objects.get(action=Action.IMPORT)
    assert imported.changes["导入"][1] == "3件"
    new_service(office, units["a-yz"], summary="单独登记")
    exported = client.get("/learning/excel/export/?kind=consultation")
    parsed = parse(service_sheet(), io.BytesIO(exported.content))
    assert parsed.ok and [row["count"] for row in parsed.rows] == [45, 12]
    assert client.get("/learning/excel/export/?colour=red").status_code == 400
