"""From a figure on the dashboard and the district page to the ledger records it was counted from."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from fazhi.disputes import services
from tests.conftest import PASSWORD, TODAY
from tests.disputes.dispute_fixtures import new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def _mediated(office, org, summary):
    dispute = new_dispute(office, org, summary=summary)
    return services.add_session(
        office, dispute, dispute.version, held_on=TODAY, place="调解室", mediators="李调解", notes="协商"
    )


@pytest.fixture
def two_disputes(tree, person):
    office = person("fzb", "office", tree["a"])
    agreed = _mediated(office, tree["a-tw"], "漏水赔偿达成协议")
    services.conclude_success(office, agreed, agreed.version, concluded_on=TODAY, agreement_text="赔偿800元")
    failed = _mediated(office, tree["a-tw"], "噪声纠纷未能调解")
    services.conclude_failure(office, failed, failed.version, concluded_on=TODAY, referred_to="litigation")
    return agreed, failed


def _link(page, code):
    return page.select_one(f'.kpi[data-code="{code}"] a.drill')["href"]


def test_a_key_figure_opens_the_records_it_counts(client, two_disputes):
    agreed, failed = two_disputes
    client.login(username="fzb", password=PASSWORD)
    page = BeautifulSoup(client.get("/figures/", {"year": "2026"}).content, "html.parser")
    success = _link(page, "disputes.mediated_success")
    assert urlsplit(success).path == "/disputes/"
    assert parse_qs(urlsplit(success).query) == {
        "status": ["success"],
        "org": ["a"],
        "concluded_from": ["2026-01-01"],
        "concluded_to": ["2026-12-31"],
    }
    listed = client.get(success).content.decode()
    assert agreed.number in listed and failed.number not in listed
    # A rate opens what it is a rate of: every dispute received in the period.
    rate = _link(page, "disputes.success_rate")
    assert parse_qs(urlsplit(rate).query)["received_from"] == ["2026-01-01"]
    listed = client.get(rate).content.decode()
    assert agreed.number in listed and failed.number in listed


def test_the_district_page_links_each_streets_count_to_its_records(client, tree, person, two_disputes):
    agreed, _ = two_disputes
    person("qu", "district_reviewer", tree["district"])
    client.login(username="qu", password=PASSWORD)
    page = BeautifulSoup(client.get("/figures/district/", {"year": "2026"}).content, "html.parser")
    row = next(tr for tr in page.select("tbody tr") if "接收矛盾纠纷" in tr.th.text)
    links = [td.a["href"] if td.a else None for td in row.select("td")]
    assert parse_qs(urlsplit(links[0]).query)["org"] == ["a"]
    assert parse_qs(urlsplit(links[1]).query)["org"] == ["b"]
    assert agreed.number in client.get(links[0]).content.decode()  # the reviewer reads the district's ledgers
    assert agreed.number not in client.get(links[1]).content.decode()


def test_money_on_the_district_page_is_in_wan_yuan_under_a_heading_without_a_unit(client, tree, person):
    office = person("fzb", "office", tree["a"])
    dispute = _mediated(office, tree["a-tw"], "货款纠纷")
    services.conclude_success(
        office,
        dispute,
        dispute.version,
        concluded_on=TODAY,
        agreement_text="分期还款",
        amount_recovered=123456,
    )
    person("qu", "district_reviewer", tree["district"])
    client.login(username="qu", password=PASSWORD)
    page = BeautifulSoup(client.get("/figures/district/", {"year": "2026"}).content, "html.parser")
    row = next(tr for tr in page.select("tbody tr") if "挽回经济损失" in tr.th.text)
    assert row.th.text == "挽回经济损失" and row.td.a.text == "12.35万元"
