import datetime

import pytest

from fazhi.deadlines.engine import due_for_rule
from fazhi.oversight import services
from fazhi.oversight.models import Reminder, Suggestion
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def office(tree, person, client):
    user = person("office_a", "office", tree["a"])
    client.force_login(user)
    return user


def test_suggestions_and_reminders_pages(client, tree, office):
    r = client.post("/oversight/new/", {"org": tree["a"].pk, "kind": "judicial", "issuer": "区法院",
                                                     "received_on": TODAY.isoformat(), "content": "规范告知"})  # fmt: skip
    item = Suggestion.objects.get()
    # No date in the letter: the rule's two months, with its source on the page.
    assert r.status_code == 302 and item.reply_due == due_for_rule("suggestion.judicial", TODAY).due
    assert "收到司法建议书之日起2个月" in client.get(f"/oversight/{item.pk}/").content.decode()
    due = TODAY + datetime.timedelta(days=20)
    r = client.post(f"/oversight/{item.pk}/edit/", {"version": 1, "issuer": "区法院", "content": "规范告知",
                                                                "reply_due": due.isoformat()})  # fmt: skip
    assert r.status_code == 302 and Suggestion.objects.get().due_date == due
    stale = client.post(f"/oversight/{item.pk}/edit/", {"version": 1, "issuer": "x", "content": "y"})
    assert "保存失败" in stale.content.decode()
    r = client.post(f"/oversight/{item.pk}/reply/",
                    {"version": 2, "replied_on": TODAY.isoformat(), "reply_text": "已整改"})  # fmt: skip
    assert r.status_code == 302 and Suggestion.objects.get().status == "replied"

    r = client.post("/oversight/reminders/new/", {"org": tree["a"].pk, "to_unit": tree["a-tw"].pk,
                                                   "issued_on": TODAY.isoformat(), "matter": "程序不规范"})  # fmt: skip
    reminder = Reminder.objects.get()
    assert r.status_code == 302
    r = client.post(f"/oversight/reminders/{reminder.pk}/follow-up/",
                    {"version": 1, "followed_on": TODAY.isoformat(), "follow_up": "已整改"})  # fmt: skip
    assert r.status_code == 302 and Reminder.objects.get().is_closed
    assert "已反馈" in client.get("/oversight/reminders/").content.decode()


def test_other_street_cannot_open_suggestions_or_reminders(client, tree, office, person):
    item = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="x", received_on=TODAY, content="y"
    )
    reminder = services.issue_reminder(
        office, org=tree["a"], to_unit=tree["a-tw"], issued_on=TODAY, matter="z"
    )
    client.force_login(person("office_b", "office", tree["b"]))
    assert client.get(f"/oversight/{item.pk}/").status_code == 404
    assert client.post(f"/oversight/{item.pk}/reply/", {"version": 1}).status_code == 404
    assert client.get(f"/oversight/reminders/{reminder.pk}/").status_code == 404
    assert item.number not in client.get("/oversight/").content.decode()
    assert reminder.number not in client.get("/oversight/reminders/").content.decode()


def test_the_work_line_is_in_the_navigation_with_its_two_lists(client, office):
    home = client.get("/").content.decode()
    assert 'href="/oversight/"' in home and "监督事项" in home
    page = client.get("/oversight/").content.decode()
    # one list of the items of every kind, filtered by kind
    assert "<h1>监督事项" in page and "检察建议书" in page and "人大代表建议" in page
    assert 'href="/oversight/reminders/"' in page
    assert "/litigation/suggestions/" not in client.get("/litigation/").content.decode()


def test_the_old_litigation_addresses_redirect_permanently(client, tree, office):
    item = services.receive_suggestion(
        office, org=tree["a"], kind="judicial", issuer="x", received_on=TODAY, content="y"
    )
    reminder = services.issue_reminder(
        office, org=tree["a"], to_unit=tree["a-tw"], issued_on=TODAY, matter="z"
    )
    for old, new in (
        ("/litigation/suggestions/", "/oversight/"),
        ("/litigation/suggestions/?kind=judicial&page=2", "/oversight/?kind=judicial&page=2"),
        ("/litigation/suggestions/new/", "/oversight/new/"),
        (f"/litigation/suggestions/{item.pk}/", f"/oversight/{item.pk}/"),
        (f"/litigation/suggestions/{item.pk}/reply/", f"/oversight/{item.pk}/reply/"),
        (f"/litigation/suggestions/{item.pk}/edit/", f"/oversight/{item.pk}/edit/"),
        ("/litigation/reminders/", "/oversight/reminders/"),
        ("/litigation/reminders/new/", "/oversight/reminders/new/"),
        (f"/litigation/reminders/{reminder.pk}/", f"/oversight/reminders/{reminder.pk}/"),
        (f"/litigation/reminders/{reminder.pk}/follow-up/", f"/oversight/reminders/{reminder.pk}/follow-up/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code == 200, new
    assert client.get("/litigation/suggestions/..%2F..%2Fevil/").status_code == 404


def test_the_lists_show_due_dates_exact_and_provisional(client, tree, office):
    """The lists and detail pages include the due-date cell: it renders, without 「暂定」 on an exact date."""
    suggestion = services.receive_suggestion(
        office, org=tree["a"], kind="procuratorate", issuer="区检察院", received_on=TODAY, content="建议"
    )
    reminder = services.issue_reminder(
        office, org=tree["a"], to_unit=tree["a-tw"], issued_on=TODAY, matter="整改",
        follow_up_due=TODAY + datetime.timedelta(days=30),
    )  # fmt: skip
    for url, record in (
        ("/oversight/", suggestion),
        ("/oversight/reminders/", reminder),
        (f"/oversight/{suggestion.pk}/", suggestion),
        (f"/oversight/reminders/{reminder.pk}/", reminder),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert record.number in html and "暂定" not in html
