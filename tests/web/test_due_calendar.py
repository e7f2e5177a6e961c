"""The month calendar of due dates and its .ics file: the person's scope only, open records only, rest days
marked, no party's name in the file that leaves the system."""

import datetime

import pytest
from icalendar import Calendar

from fazhi.disputes.models import Dispute
from tests.conftest import clock_at, login
from tests.disputes.dispute_fixtures import new_dispute

DAY = datetime.date(2026, 7, 15)


@pytest.fixture
def disputes(tree, person):
    with clock_at(DAY):
        ours = new_dispute(person("m", "handler", tree["a-tw"]), tree["a-tw"], received_on=DAY, name="王小明")
        theirs = new_dispute(person("n", "handler", tree["b-tw"]), tree["b-tw"], received_on=DAY)
    return ours, theirs


@pytest.mark.django_db
def test_the_month_shows_the_persons_due_dates_on_their_day(disputes, person, tree, client):
    ours, theirs = disputes
    client.force_login(person("office_a", "office", tree["a"]))
    month = f"{ours.due_date:%Y-%m}"
    with clock_at(DAY):
        html = client.get("/calendar/", {"month": month}).content.decode()
    cell = html.split(f'data-date="{ours.due_date:%Y-%m-%d}"', 1)[1].split("</td>", 1)[0]
    assert ours.number in cell and ours.get_absolute_url() in cell
    assert theirs.number not in html  # another 街道's
    assert "本月 1 件" in html


@pytest.mark.django_db
def test_closed_records_leave_the_calendar(disputes, person, tree, client):
    ours, _ = disputes
    Dispute.objects.filter(pk=ours.pk).update(status="success", concluded_on=DAY)
    client.force_login(person("office_a", "office", tree["a"]))
    html = client.get("/calendar/", {"month": f"{ours.due_date:%Y-%m}"}).content.decode()
    assert ours.number not in html


@pytest.mark.django_db
def test_rest_days_are_marked_with_their_reason(person, tree, client):
    client.force_login(person("office_a", "office", tree["a"]))
    html = client.get("/calendar/", {"month": "2026-10"}).content.decode()
    national_day = html.split('data-date="2026-10-01"', 1)[0].rsplit("<td", 1)[1]
    assert "rest-day" in national_day and "国庆" in national_day
    monday = html.split('data-date="2026-10-12"', 1)[0].rsplit("<td", 1)[1]
    assert "rest-day" not in monday


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["2026-13", "yesterday", "1900-01", "2026-1-1'"])
def test_a_malformed_month_shows_this_month_and_says_why(person, tree, client, month):
    client.force_login(person("office_a", "office", tree["a"]))
    with clock_at(DAY):
        response = client.get("/calendar/", {"month": month})
    html = response.content.decode()
    assert response.status_code == 200
    assert "期限月历 · 2026年7月" in html and "无法识别" in html


@pytest.mark.django_db
def test_the_ics_file_has_one_all_day_event_per_due_date_without_names(disputes, person, tree, client):
    ours, _ = disputes
    client.force_login(person("office_a", "office", tree["a"]))
    response = client.get("/calendar/due.ics", {"month": f"{DAY:%Y-%m}"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [f"期限：矛盾纠纷 {ours.number}（甲街）"]
    assert events[0].decoded("dtstart") == ours.due_date
    assert str(events[0]["url"]).endswith(ours.get_absolute_url())
    assert "王小明" not in response.content.decode() and "张三" not in response.content.decode()


def test_signing_in_is_required(client):
    assert client.get("/calendar/").status_code == 302
    assert client.get("/calendar/due.ics").status_code == 302


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_home_page_to_the_month_and_the_next(browser_page, disputes, person, tree):
    ours, _ = disputes
    person("office_b", "office", tree["a"])
    page = browser_page
    login(page, "office_b")
    with clock_at(DAY):
        page.goto("/")
        page.click("#calendar-link")
        page.wait_for_selector("h1:has-text('期限月历')")
        if ours.due_date.month != DAY.month:
            page.click("a[rel=next]")
        cell = page.locator(f'td[data-date="{ours.due_date:%Y-%m-%d}"]')
        assert ours.number in cell.inner_text()
        cell.get_by_role("link", name=ours.number).click()
        page.wait_for_url(f"**{ours.get_absolute_url()}")
