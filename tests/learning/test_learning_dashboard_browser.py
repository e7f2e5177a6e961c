"""The figures dashboard shows the learning, 普法 and legal-service cards with their 同比, drawn in the browser."""

import datetime

import pytest

from tests.conftest import login
from tests.learning.learning_fixtures import new_event, new_service, new_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_shows_the_learning_cards_with_their_change(
    browser_page, units, office, person, tmp_path
):
    page = browser_page
    day = datetime.date(2024, 3, 7)
    last_year = datetime.date(2023, 3, 9)
    new_session(office, units["a"], held_on=last_year)
    for held_on in (day, day + datetime.timedelta(days=7)):
        new_session(office, units["a"], held_on=held_on)
    new_session(
        office, units["a"], held_on=day, kind="mediator_training", audience="mediators", attendance=60
    )
    new_event(office, units["a"], held_on=last_year, people_reached=400)
    new_event(office, units["a"], held_on=day, people_reached=500)
    new_event(office, units["a-zf"], held_on=day, people_reached=300)
    new_service(office, units["a-yz"], served_on=last_year, count=40)
    new_service(office, units["a-yz"], served_on=day, count=30)
    other = person("fzb_b", "office", units["b"])
    new_session(other, units["b"], held_on=day)  # another street's: not on 甲街道's board

    login(page, "fzb_a")
    page.goto("/figures/?org=a&year=2024")

    def card(code) -> str:
        return page.locator(f'.kpi[data-code="{code}"]').inner_text()

    assert "学法活动" in card("study.sessions") and "2场" in card("study.sessions")
    assert "同比上升100%" in card("study.sessions")
    assert "2场" in card("pufa.events") and "同比上升100%" in card("pufa.events")
    assert "800人" in card("pufa.reach") and "同比上升100%" in card("pufa.reach")
    assert "30次" in card("services.consultations") and "同比下降25%" in card("services.consultations")
    assert "60人次" in card("training.person_times")
    page.wait_for_selector("#trend-chart canvas")
    page.screenshot(path=str(tmp_path / "learning-cards.png"), full_page=True)
