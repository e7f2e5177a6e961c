"""A list tells the person about a bad date filter (issue 22): an impossible date is still ignored for the
results, a reversed range still finds nothing, and either is said in Chinese beside the filter form; an
export refuses both rather than writing a file that silently ignores them or is empty."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.conftest import TODAY
from tests.ledger.test_list_declaration import handler, numbers_in, three  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def problems(response) -> list[str]:
    box = BeautifulSoup(response.content, "html.parser").find(id="filter-problems")
    return [li.get_text(strip=True) for li in box.find_all("li")] if box else []


def test_an_impossible_date_is_ignored_and_said(client, handler, three):  # noqa: F811
    client.force_login(handler)
    response = client.get("/disputes/", {"received_from": "2026-02-30"})
    assert response.status_code == 200
    assert set(numbers_in(response.content.decode())) == {d.number for d in three}  # ignored
    said = problems(response)
    assert len(said) == 1 and "受理日期起“2026-02-30”不是有效日期" in said[0] and "已忽略" in said[0]
    # the form keeps what was typed, so the person sees what to correct
    assert 'value="2026-02-30"' in response.content.decode()


def test_a_reversed_range_is_said_and_finds_nothing(client, handler, three):  # noqa: F811
    client.force_login(handler)
    later, earlier = TODAY.isoformat(), (TODAY - datetime.timedelta(days=10)).isoformat()
    response = client.get("/disputes/", {"received_from": later, "received_to": earlier})
    assert response.status_code == 200
    assert numbers_in(response.content.decode()) == []
    said = problems(response)
    assert said == [
        f"受理日期的起始日期 {later} 晚于截止日期 {earlier}，没有记录能同时满足；请调换后重新筛选。"
    ]


def test_good_filters_say_nothing(client, handler, three):  # noqa: F811
    client.force_login(handler)
    response = client.get("/disputes/", {"received_from": "2026-07-01", "received_to": "2026-07-31"})
    assert problems(response) == []


def test_an_export_refuses_a_reversed_range(client, handler, three):  # noqa: F811
    client.force_login(handler)
    response = client.get(
        "/disputes/excel/export/", {"received_from": "2026-07-15", "received_to": "2026-07-01"}
    )
    assert response.status_code == 400
    assert "晚于" in response.content.decode()
