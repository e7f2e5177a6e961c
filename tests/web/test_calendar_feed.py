"""The personal calendar subscription (/calendar/feed/<key>.ics): made, regenerated and revoked by its holder
on the calendar page (audited, only a digest stored), answered without a session with exactly the holder's
own due dates and no party's name; an unknown, revoked or regenerated key, or a deactivated person's → 404."""

import logging
import re
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from fazhi.accounts.feeds import user_for_feed_key
from fazhi.accounts.models import CalendarFeed
from fazhi.audit.models import Action, AuditEntry
from fazhi.web.redact import RedactPersonalParams
from tests.conftest import clock_at
from tests.web.test_due_calendar import DAY, disputes  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def make_feed(client, action="create") -> str:
    """Press the button on the calendar page; the address shown once on the page it returns to."""
    response = client.post("/calendar/feed/", {"action": action}, follow=True)
    assert response.status_code == 200
    found = re.search(r'id="feed-url"[^>]*value="([^"]+)"', response.content.decode())
    assert found, "订阅地址未显示"
    return found.group(1)


def feed_path(url: str) -> str:
    return urlsplit(url).path


def test_the_holder_subscribes_and_a_calendar_program_reads_their_own_dates_without_a_session(
    disputes,  # noqa: F811
    person,
    tree,
    client,
):
    ours, theirs = disputes
    holder = person("office_a", "office", tree["a"])
    client.force_login(holder)
    url = make_feed(client)
    path = feed_path(url)
    key = path.rsplit("/", 1)[1].removesuffix(".ics")
    assert re.fullmatch(r"/calendar/feed/[0-9a-f]{40}\.ics", path)
    stored = CalendarFeed.objects.get(user=holder)
    assert key not in stored.key_hash  # only a digest is kept
    assert AuditEntry.objects.filter(action=Action.CREATE, target_type="accounts.calendarfeed").exists()
    # the address is shown once: the next visit of the page does not show it again
    assert 'id="feed-url"' not in client.get("/calendar/").content.decode()

    client.logout()
    with clock_at(DAY):
        response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    text = response.content.decode()
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events if ours.number in str(e["summary"])]
    assert theirs.number not in text  # another 街道's: the holder's own scope only
    assert "王小明" not in text  # no party's name


def test_regenerating_ends_the_old_address_and_revoking_ends_the_new(person, tree, client):
    holder = person("office_a", "office", tree["a"])
    client.force_login(holder)
    first = feed_path(make_feed(client))
    second = feed_path(make_feed(client, "regenerate"))
    assert first != second
    anonymous = client.__class__()
    assert anonymous.get(first).status_code == 404
    assert anonymous.get(second).status_code == 200
    client.post("/calendar/feed/", {"action": "revoke"})
    assert not CalendarFeed.objects.filter(user=holder).exists()
    response = anonymous.get(second)
    assert response.status_code == 404 and "没有找到" in response.content.decode()
    actions = set(
        AuditEntry.objects.filter(target_type="accounts.calendarfeed").values_list("action", flat=True)
    )
    assert actions == {Action.CREATE, Action.UPDATE, Action.DELETE}


def test_unknown_keys_and_a_deactivated_persons_key_answer_404(person, tree, client):
    holder = person("office_a", "office", tree["a"])
    client.force_login(holder)
    path = feed_path(make_feed(client))
    anonymous = client.__class__()
    assert anonymous.get("/calendar/feed/" + "0" * 40 + ".ics").status_code == 404
    assert anonymous.get("/calendar/feed/not-a-key.ics").status_code == 404
    holder.is_active = False
    holder.save()
    assert anonymous.get(path).status_code == 404
    assert user_for_feed_key(path.rsplit("/", 1)[1].removesuffix(".ics")) is None


def test_the_address_needs_a_signed_in_holder_to_change_and_a_post(client):
    assert client.post("/calendar/feed/", {"action": "create"}).status_code == 302  # to the sign-in page
    assert not CalendarFeed.objects.exists()


def test_a_feed_key_never_reaches_a_log_line():
    record = logging.LogRecord(
        "django.server", logging.INFO, "", 0, '"GET /calendar/feed/%s.ics HTTP/1.1" 200', ("ab12" * 10,), None
    )
    RedactPersonalParams().filter(record)
    assert "ab12" not in record.getMessage() and "/calendar/feed/***.ics" in record.getMessage()


def test_a_password_change_ends_the_addresses_made_before_it(person, tree, client):
    holder = person("office_a", "office", tree["a"])
    client.force_login(holder)
    path = feed_path(make_feed(client))
    assert client.get(path).status_code == 200
    holder.set_password("Another#Pass2026")  # changed, perhaps because it leaked
    holder.save()
    assert client.get(path).status_code == 404
    client.force_login(holder)
    assert client.get(feed_path(make_feed(client, "regenerate"))).status_code == 200  # a new one works
