import datetime
import json

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PASSWORD


@pytest.fixture
def street_client(client, tree, person):
    person("fzb", "office", tree["a"])
    client.login(username="fzb", password=PASSWORD)
    return client


def test_dashboard_for_a_street_person(street_client, events):
    events("a-sq-tw", "2023-03-02", 2)
    events("a-sq-tw", "2024-03-02", 3)
    events("a-tw", "2024-11-20", 1)
    response = street_client.get("/figures/", {"year": "2024"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "甲街道" in page.h1.text and "2024年" in page.h1.text
    kpi = page.select_one('.kpi[data-code="test.events"]')
    assert "4" in kpi.select_one(".value").text and kpi.select_one(".change").text == "同比上升100%"
    data = json.loads(page.find(id="figures-data").string)
    trend = next(s["data"] for s in data["trend"]["series"] if s["name"] == "测试事件")
    assert trend[2] == 3 and trend[10] == 1 and sum(trend) == 4
    assert len(data["trend"]["months"]) == 12
    breakdown = next(b for b in data["breakdowns"] if b["code"] == "test.events_by_org")
    assert {i["name"]: i["value"] for i in breakdown["items"]} == {"a-sq-tw": 3, "a-tw": 1}
    assert page.find("script", src="/static/figures/dashboard.js")
    assert not page.find("script", src=None, id=lambda v: v != "figures-data")  # no inline code
    options = [o["value"] for o in page.select('select[name="org"] option')]
    assert options == ["a", "a-sq"]


def test_dashboard_month_range_and_refusals(street_client, events):
    events("a-tw", "2024-02-02", 1)
    events("a-tw", "2024-08-02", 1)
    response = street_client.get(
        "/figures/", {"org": "a", "year": "2024", "from_month": "1", "to_month": "6"}
    )
    page = BeautifulSoup(response.content, "html.parser")
    assert "2024年1—6月" in page.h1.text
    assert page.select_one('.kpi[data-code="test.events"] .value').text.startswith("1")
    assert street_client.get("/figures/", {"org": "b"}).status_code == 403
    assert street_client.get("/figures/", {"org": "zzz"}).status_code == 404
    assert street_client.get("/figures/district/").status_code == 403


def test_district_page_for_a_reviewer(client, tree, person, events):
    person("qu", "district_reviewer", tree["district"])
    client.login(username="qu", password=PASSWORD)
    events("a-tw", "2024-04-01", 2)
    events("b-sq-tw", "2024-04-01", 5)
    response = client.get("/figures/district/", {"year": "2024"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    headers = [th.text.strip() for th in page.select("thead th")]
    assert headers == ["指标", "甲街道", "乙街道", "全区合计"]
    row = next(tr for tr in page.select("tbody tr") if "测试事件" in tr.th.text)
    assert [td.contents[0].strip() for td in row.select("td")] == ["2", "5", "7"]
    data = json.loads(page.find(id="figures-data").string)
    assert next(s["data"] for s in data["district"]["series"] if s["name"] == "测试事件") == [2, 5]
    assert client.get("/figures/district/", {"org": "a"}).status_code == 404  # a 街道 is not a district
    assert client.get("/figures/district/", {"org": "district"}).status_code == 200


def test_navigation_has_the_dashboard(street_client):
    page = BeautifulSoup(street_client.get("/").content, "html.parser")
    assert any(a.text == "指标看板" for a in page.select("nav.worklines a"))


def test_manual_entry_page_saves_audited_values(street_client, tree):
    from fazhi.audit.models import AuditEntry
    from fazhi.figures.models import ManualFigure, ManualValue

    ManualFigure.objects.create(code="services.gov_items", label="政务服务办件", unit="件")
    ManualFigure.objects.create(code="emergency.drills", label="应急演练", unit="次")
    url = "/figures/manual/?org=a&year=2024"
    page = BeautifulSoup(street_client.get(url).content, "html.parser")
    assert {i["name"] for i in page.select("tbody input")} >= {"services.gov_items", "emergency.drills"}
    bad = street_client.post(url, {"services.gov_items": "1200", "emergency.drills": "两次"})
    assert bad.status_code == 400 and "不是数字" in bad.content.decode()
    assert not ManualValue.objects.exists()  # all or nothing
    good = street_client.post(url, {"services.gov_items": "1200", "emergency.drills": "2"}, follow=True)
    assert "已保存甲街道2024年的2项指标" in good.content.decode()
    assert ManualValue.objects.get(figure__code="emergency.drills", org=tree["a"], year=2024).value == 2
    assert AuditEntry.objects.filter(target_type="figures.manualvalue").count() == 2
    assert (
        street_client.post("/figures/manual/?org=b&year=2024", {"emergency.drills": "1"}).status_code == 403
    )


def test_a_reader_sees_manual_values_without_a_form(client, tree, person):
    from fazhi.figures.models import ManualFigure

    ManualFigure.objects.create(code="emergency.drills", label="应急演练", unit="次")
    person("ld", "leader", tree["a"])
    client.login(username="ld", password=PASSWORD)
    page = BeautifulSoup(client.get("/figures/manual/?org=a&year=2024").content, "html.parser")
    assert "应急演练" in page.text and not page.select("tbody input")
    assert client.post("/figures/manual/?org=a&year=2024", {"emergency.drills": "1"}).status_code == 403


def test_a_running_year_says_which_dates_it_is_compared_with(street_client, events, monkeypatch):
    monkeypatch.setattr("fazhi.figures.access.today", lambda: datetime.date(2024, 6, 30))
    page = BeautifulSoup(street_client.get("/figures/", {"year": "2024"}).content, "html.parser")
    assert "同比为与2023年1月1日至2023年6月30日相比" in page.get_text()
    ended = BeautifulSoup(street_client.get("/figures/", {"year": "2023"}).content, "html.parser")
    assert "同比为与去年同期相比" in ended.get_text()


@pytest.mark.parametrize(("declare", "tone"), [(None, None), ("higher", "good"), ("lower", "bad")])
def test_a_rise_is_coloured_by_whether_it_is_good_news_for_that_figure(street_client, events, declare, tone):
    from fazhi.figures import registry

    events("a-sq-tw", "2023-03-02", 1)
    events("a-sq-tw", "2024-03-02", 3)
    if declare:
        getattr(registry, f"better_when_{declare}")("test.events")
    try:
        page = BeautifulSoup(street_client.get("/figures/", {"year": "2024"}).content, "html.parser")
    finally:
        registry._BETTER.pop("test.events", None)
    classes = page.select_one('.kpi[data-code="test.events"] .change')["class"]
    assert "up" in classes
    assert ({"good", "bad"} & set(classes)) == ({tone} if tone else set())


def test_every_figure_judged_good_or_bad_news_is_a_registered_one():
    from fazhi.figures import registry

    assert registry._BETTER, "the apps declare which way their key rates are good news"
    codes = {f.code for f in registry.all_figures()}
    for declared in registry._BETTER:  # a code, or a prefix some figures start with
        assert declared in codes or (declared.endswith(".") and any(c.startswith(declared) for c in codes))
    assert registry.tone("disputes.success_rate", "up") == "good"
    assert registry.tone("litigation.lost", "up") == "bad"
    assert registry.tone("disputes.received", "up") == ""  # more disputes taken in is neither
    assert (
        registry.tone("litigation.appearance_rate", "up") == "good"
    )  # the code's own word beats its ledger's
    assert registry.rise_is_bad("petitions.batches") and registry.rise_is_bad(
        "disclosure.cases.reconsideration"
    )
    assert not registry.rise_is_bad("disputes.received")


def test_months_not_yet_begun_have_no_point_on_the_trend(street_client, events, monkeypatch):
    monkeypatch.setattr("fazhi.figures.dashboard.today", lambda: datetime.date(2024, 6, 15))
    events("a-tw", "2024-02-02", 2)
    page = BeautifulSoup(street_client.get("/figures/", {"year": "2024"}).content, "html.parser")
    data = json.loads(page.find(id="figures-data").string)
    trend = next(s["data"] for s in data["trend"]["series"] if s["name"] == "测试事件")
    assert trend[:6] == [0, 2, 0, 0, 0, 0]  # June has begun: counted so far
    assert trend[6:] == [None] * 6 and len(data["trend"]["months"]) == 12


def test_breakdown_tables_show_each_parts_share(street_client, events):
    events("a-sq-tw", "2024-03-02", 3)
    events("a-tw", "2024-04-02", 1)
    page = BeautifulSoup(street_client.get("/figures/", {"year": "2024"}).content, "html.parser")
    table = next(s for s in page.select(".breakdowns section") if "按单位" in s.h3.text)
    rows = {tr.select("td")[0].text: tr.select("td")[2].text for tr in table.select("tbody tr")}
    assert rows == {"a-sq-tw": "75.0%", "a-tw": "25.0%"}


@pytest.fixture
def reviewer(client, tree, person):
    person("qu", "district_reviewer", tree["district"])
    client.login(username="qu", password=PASSWORD)
    return client


def _cells(page, label):
    row = next(tr for tr in page.select("tbody tr") if label in tr.th.text)
    return row, row.select("td")


def test_district_ranks_streets_and_counts_per_ten_thousand_residents(reviewer, tree, events):
    from fazhi.figures import registry

    tree["a"].residents, tree["b"].residents = 20000, 100000
    tree["a"].save(), tree["b"].save()
    events("a-tw", "2024-04-01", 4)
    events("b-sq-tw", "2024-04-01", 10)
    page = BeautifulSoup(reviewer.get("/figures/district/", {"year": "2024"}).content, "html.parser")
    _, cells = _cells(page, "测试事件")
    assert [c.select_one(".rank").text for c in cells[:2]] == ["第2名", "第1名"]  # by size: 乙 has more
    assert cells[2].select_one(".rank") is None  # the district is not ranked against its streets
    page = BeautifulSoup(
        reviewer.get("/figures/district/", {"year": "2024", "per": "wan"}).content, "html.parser"
    )
    row, cells = _cells(page, "测试事件")
    assert "件/万人" in row.th.text
    assert [c.contents[0].strip() for c in cells] == ["2", "1", "1.17"]  # 4/2万, 10/10万, 14/12万
    assert [c.select_one(".rank").text for c in cells[:2]] == ["第1名", "第2名"]
    registry.better_when_lower("test.events")  # fewer per head is better: the lowest rate ranks first
    try:
        page = BeautifulSoup(
            reviewer.get("/figures/district/", {"year": "2024", "per": "wan"}).content, "html.parser"
        )
    finally:
        registry._BETTER.pop("test.events", None)
    _, cells = _cells(page, "测试事件")
    assert [c.select_one(".rank").text for c in cells[:2]] == ["第2名", "第1名"]


def test_a_street_without_residents_is_named_and_not_scaled(reviewer, tree, events):
    tree["a"].residents = 20000
    tree["a"].save()
    events("b-sq-tw", "2024-04-01", 10)
    page = BeautifulSoup(
        reviewer.get("/figures/district/", {"year": "2024", "per": "wan"}).content, "html.parser"
    )
    assert "乙街道未填写常住人口" in page.select_one("p.errorlist").text
    _, cells = _cells(page, "测试事件")
    assert [c.contents[0].strip() for c in cells] == ["0", "—", "—"]


def test_ranks_share_a_place_on_a_tie():
    from fazhi.figures.dashboard import ranks

    assert ranks([5, 9, 5, None, 1], "") == [2, 1, 2, None, 4]
    assert ranks([5, 9, 5, None, 1], "down") == [2, 4, 2, None, 1]
