import datetime
import io

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.learning.columns import event_sheet, service_sheet, session_sheet
from fazhi.learning.importing import import_services
from fazhi.learning.models import Material, PufaEvent, ServiceRecord, StudySession
from fazhi.ledger.excel import export, parse
from tests.conftest import TODAY
from tests.learning.learning_fixtures import new_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

GOOD = {"served_on": datetime.date(2026, 3, 31), "kind": "consultation", "count": 45, "org": "a-yz"}


def _file_of(sheet, rows) -> io.BytesIO:
    upload = io.BytesIO(export(sheet, rows))
    upload.name = "activities.xlsx"
    return upload


def _file(rows) -> io.BytesIO:
    return _file_of(service_sheet(), rows)


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
    body = client.post("/learning/services/excel/import/", {"file": _file(rows)}).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body and "不是公共法律服务驿站或法律顾问室" in body
    assert not ServiceRecord.objects.exists()


def test_a_good_list_imports_with_one_audit_entry_and_exports_back(client, office, units):
    rows = [GOOD, GOOD | {"kind": "企业法治体检", "count": 16}, GOOD | {"kind": "信息宣传", "count": 7}]
    client.force_login(office)
    response = client.post("/learning/services/excel/import/", {"file": _file(rows)})
    assert response.status_code == 302
    assert sorted(ServiceRecord.objects.values_list("kind", "count")) == [
        ("checkup", 16), ("consultation", 45), ("publicity", 7)
    ]  # fmt: skip
    imported = AuditEntry.objects.get(action=Action.IMPORT)
    assert imported.changes["导入"][1] == "3件"
    new_service(office, units["a-yz"], summary="单独登记")
    exported = client.get("/learning/services/excel/export/?kind=consultation")
    parsed = parse(service_sheet(), io.BytesIO(exported.content))
    assert parsed.ok and [row["count"] for row in parsed.rows] == [45, 12]
    assert client.get("/learning/services/excel/export/?colour=red").status_code == 400


def test_a_pufa_event_list_imports_its_material_columns_as_lines_in_their_units(client, office, units):
    event = {"held_on": datetime.date(2026, 5, 18), "kind": "month", "title": "民法典宣传月", "org": "a",
             "people_reached": 800, "consultations": 300, "fen": 1500, "zhi": 3000}  # fmt: skip
    bad = [event, event | {"org": "b"}, event | {"held_on": datetime.date(2026, 12, 4)}]
    client.force_login(office)
    body = client.post(
        "/learning/events/excel/import/", {"file": _file_of(event_sheet(), bad)}
    ).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body and "第4行" in body
    assert not PufaEvent.objects.exists() and not Material.objects.exists()
    assert (
        client.post("/learning/events/excel/import/", {"file": _file_of(event_sheet(), [event])}).status_code
        == 302
    )
    saved = PufaEvent.objects.get()
    assert sorted(saved.materials.values_list("unit", "quantity")) == [("份", 1500), ("只", 3000)]
    exported = parse(event_sheet(), io.BytesIO(client.get("/learning/events/excel/export/").content))
    assert exported.ok and (exported.rows[0]["fen"], exported.rows[0]["zhi"], exported.rows[0]["ben"]) == (
        1500,
        3000,
        None,
    )


def test_a_study_session_list_round_trips(client, office, units):
    session = {"held_on": datetime.date(2026, 3, 2), "kind": "会前学法", "title": "会前学法：民法典",
               "topics": "民法典；行政复议法", "audience": "领导班子", "attendance": 15, "hosted_by_head": True,
               "org": "甲街道"}  # fmt: skip
    client.force_login(office)
    body = client.post(
        "/learning/sessions/excel/import/", {"file": _file_of(session_sheet(), [session])}
    ).content
    assert "第2行" in body.decode() and "类别" in body.decode()  # the engine's cell check
    good = session | {"kind": "党工委会议会前学法"}
    rows = [good, good | {"attendance": 0}]
    body = client.post("/learning/sessions/excel/import/", {"file": _file_of(session_sheet(), rows)}).content
    assert (
        "第3行" in body.decode() and "参加人次至少为1" in body.decode() and not StudySession.objects.exists()
    )
    assert (
        client.post(
            "/learning/sessions/excel/import/", {"file": _file_of(session_sheet(), [good])}
        ).status_code
        == 302
    )
    saved = StudySession.objects.get()
    assert (saved.topic_count, saved.hosted_by_head, saved.org) == (2, True, units["a"])
    exported = parse(session_sheet(), io.BytesIO(client.get("/learning/sessions/excel/export/").content))
    assert exported.ok and exported.rows[0]["topics"] == "民法典；行政复议法"


# The kit's plausible-date rule (fazhi.ledger.services.date_problems) on every imported row: a typing slip
# (year 1) is refused under the date column, nothing written. Parsed rows are given directly, as an Excel
# cell cannot hold year 1.
SLIP = datetime.date(1, 1, 1)


def test_a_service_list_with_an_implausible_date_is_refused(office, units):
    result = import_services(office, [GOOD | {"_row": 2}, GOOD | {"_row": 3, "served_on": SLIP}])
    assert [(e.row, e.column) for e in result.errors] == [(3, "日期")]
    assert "2000年1月1日" in result.errors[0].message and not ServiceRecord.objects.exists()


def test_a_session_list_with_an_implausible_date_is_refused(office, units):
    from fazhi.learning.importing import import_sessions

    session = {"_row": 2, "held_on": SLIP, "kind": "党工委会议会前学法", "title": "会前学法：民法典",
               "topics": "民法典", "audience": "领导班子", "attendance": 15, "org": "甲街道"}  # fmt: skip
    result = import_sessions(office, [session])
    assert [(e.row, e.column) for e in result.errors] == [(2, "日期")]
    assert not StudySession.objects.exists()


def test_an_event_list_with_an_implausible_date_is_refused(office, units):
    from fazhi.learning.importing import import_events

    event = {"_row": 2, "held_on": SLIP, "kind": "month", "title": "民法典宣传月", "org": "a", "fen": 100}
    result = import_events(office, [event])
    assert [(e.row, e.column) for e in result.errors] == [(2, "日期")]
    assert not PufaEvent.objects.exists() and not Material.objects.exists()


def test_an_activity_list_naming_the_district_is_refused_for_its_kind(units, person):
    """The ledger's holder kinds (every unit but the 区) on the imports too, as on the pages and the API."""
    from fazhi.learning.importing import import_events, import_sessions

    district_office = person("qu", "office", units["district"])  # may write the 区 itself
    session = {"_row": 2, "held_on": TODAY, "kind": "pre_meeting", "title": "会前学法：民法典",
               "topics": "民法典", "audience": "leaders", "attendance": 15, "org": "district"}  # fmt: skip
    event = {
        "_row": 2,
        "held_on": TODAY,
        "kind": "month",
        "title": "民法典宣传月",
        "org": "district",
        "fen": 100,
    }
    for run, row, what in ((import_sessions, session, "学法培训"), (import_events, event, "普法活动")):
        result = run(district_office, [row])
        assert [(e.row, e.column) for e in result.errors] == [(2, "组织单位")]
        assert f"“测试区”是区，不能承办{what}" in result.errors[0].message
        assert not any(e.column == "组织单位" for e in run(district_office, [row | {"org": "a"}]).errors)
    # only the rows at the 街道 were written
    assert [r.org.code for r in (*StudySession.objects.all(), *PufaEvent.objects.all())] == ["a", "a"]
