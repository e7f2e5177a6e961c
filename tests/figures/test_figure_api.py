import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.orgs.models import RoleAssignment
from tests.conftest import PASSWORD


@pytest.fixture
def office_client(client, tree, person):
    person("fzb", "office", tree["a"])
    client.login(username="fzb", password=PASSWORD)
    return client


def test_values_with_change_text(office_client, events):
    events("a-sq-tw", "2023-05-01", 2722)
    events("a-sq-tw", "2024-05-01", 3218)
    response = office_client.get("/api/figures/", {"org": "a", "year": "2024", "codes": "test.events"})
    assert response.status_code == 200
    assert response.json() == [
        {
            "code": "test.events",
            "label": "测试事件",
            "unit": "件",
            "value": 3218,
            "previous": 2722,
            "change": 496,
            "rate": 18.22,
            "change_text": "同比上升18.22%",
            "source": "ledger",
        }
    ]


def test_default_org_is_the_persons_street_and_dates_work(client, tree, person, events):
    person("tj", "handler", tree["a-tw"])
    client.login(username="tj", password=PASSWORD)
    events("a-tw", "2024-02-10", 2)
    events("a-tw", "2024-08-10", 5)
    events("a-sq-tw", "2024-02-10", 7)
    # A handler of the 调委会 reads only the 调委会, so that is the default rather than the 街道.
    response = client.get(
        "/api/figures/", {"start": "2024-01-01", "end": "2024-06-30", "codes": "test.events"}
    )
    assert response.json()[0]["value"] == 2
    assert client.get("/api/figures/", {"org": "a", "codes": "test.events"}).status_code == 403


def test_default_org_is_the_street_when_the_person_may_read_it(client, tree, person, events):
    user = person("tj", "handler", tree["a-sq-tw"])
    RoleAssignment.objects.create(user=user, org=tree["a"], role="leader")
    client.login(username="tj", password=PASSWORD)
    events("a-tw", "2024-02-10", 2)
    events("a-sq-tw", "2024-02-10", 7)
    assert client.get("/api/figures/", {"year": "2024", "codes": "test.events"}).json()[0]["value"] == 9


def test_scoping_and_chinese_errors(office_client, events):
    refused = office_client.get("/api/figures/", {"org": "b", "codes": "test.events"})
    assert refused.status_code == 403
    # A refusal does not name a unit outside the person's scope.
    assert "无权查看该单位的指标" in refused.json()["error"]["message"]
    assert "乙街道" not in refused.json()["error"]["message"]
    unknown = office_client.get("/api/figures/", {"org": "zzz", "codes": "test.events"})
    assert unknown.status_code == 404
    assert "没有代码为“zzz”的单位" in unknown.json()["error"]["message"]
    bad_code = office_client.get("/api/figures/", {"org": "a", "codes": "nope.x"})
    assert bad_code.status_code == 404
    assert "没有代码为“nope.x”的指标" in bad_code.json()["error"]["message"]
    bad_year = office_client.get("/api/figures/", {"org": "a", "year": "去年"})
    assert bad_year.status_code == 400 and "四位年份" in bad_year.json()["error"]["message"]
    bad_range = office_client.get("/api/figures/", {"org": "a", "start": "2024-05-01", "end": "2024-01-01"})
    assert bad_range.status_code == 400 and "晚于" in bad_range.json()["error"]["message"]


@pytest.mark.parametrize(
    "period",
    [
        {"start": "0001-01-01", "end": "0001-12-31"},
        {"start": "0001-01-01", "end": "2024-06-30"},
        {"start": "2024-01-01", "end": "9999-12-31"},
    ],
)
def test_periods_outside_the_plausible_years_are_refused_not_500(office_client, events, period):
    response = office_client.get("/api/figures/", {"org": "a", "codes": "test.events", **period})
    assert response.status_code == 400
    assert "2000" in response.json()["error"]["message"]


def test_anonymous_is_refused(client, tree):
    assert client.get("/api/figures/").status_code in (401, 403)


def test_catalogue_lists_the_registry(office_client, events):
    response = office_client.get("/api/figures/catalogue/")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    assert rows["test.events"]["label"] == "测试事件" and rows["test.events"]["hand_entered"] is False


def test_excel_export_has_the_same_table_and_is_audited(office_client, tree, events):
    events("a-tw", "2023-05-01", 4)
    events("a-tw", "2024-05-01", 2)
    response = office_client.get("/api/figures/export/", {"org": "a", "year": "2024", "codes": "test.events"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "%E7%94%B2%E8%A1%97%E9%81%93" in response["Content-Disposition"]  # 甲街道 in the file name
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "甲2024年主要指标"  # the org's short name
    assert [c.value for c in sheet[2]][:4] == ["指标代码", "指标", "单位", "本期"]
    assert [c.value for c in sheet[3]] == [
        "test.events",
        "测试事件",
        "件",
        2,
        4,
        -2,
        -50,
        "同比下降50%",
        "台账统计",
    ]
    assert AuditEntry.objects.filter(action=Action.EXPORT, org_id=tree["a"].pk).exists()
    assert office_client.get("/api/figures/export/", {"org": "b"}).status_code == 403


def test_schema_generates(office_client):
    assert office_client.get("/api/schema/").status_code == 200


def test_a_running_year_is_compared_with_the_same_dates_a_year_before(office_client, events, monkeypatch):
    monkeypatch.setattr("fazhi.figures.access.today", lambda: datetime.date(2024, 6, 30))
    events("a-tw", "2023-03-01", 4)
    events("a-tw", "2023-09-01", 10)  # after 30 June: not part of last year's same period
    events("a-tw", "2024-03-01", 5)
    events("a-tw", "2024-08-01", 1)  # dated later in the running year (a due date): still counted
    [row] = office_client.get("/api/figures/", {"org": "a", "year": "2024", "codes": "test.events"}).json()
    assert (row["value"], row["previous"], row["change_text"]) == (6, 4, "同比上升50%")
    [past] = office_client.get("/api/figures/", {"org": "a", "year": "2023", "codes": "test.events"}).json()
    assert past["value"] == 14  # a year that has ended is counted whole
