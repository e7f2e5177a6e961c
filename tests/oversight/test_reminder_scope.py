"""A 法治督察提醒函 is read by the department it reminds, which cannot change it; other units see nothing."""

import datetime

import pytest

from fazhi.oversight import services
from fazhi.oversight.models import Reminder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def test_the_reminded_unit_reads_its_letter_and_cannot_answer_for_the_office(tree, person, client):
    office = person("office_a", "office", tree["a"])
    reminder = services.issue_reminder(
        office,
        org=tree["a"],
        to_unit=tree["a-tw"],
        issued_on=datetime.date(2026, 5, 4),
        matter="执法文书不规范",
    )
    reminded = person("tw_a", "handler", tree["a-tw"])
    assert Reminder.objects.visible_to(reminded).get() == reminder
    assert not Reminder.objects.visible_to(reminded, write=True).exists()
    client.force_login(reminded)
    page = client.get(f"/oversight/reminders/{reminder.pk}/")
    assert page.status_code == 200 and "执法文书不规范" in page.content.decode()
    assert f'href="/oversight/reminders/{reminder.pk}/follow' not in page.content.decode()  # no button
    other = person("tw_b", "handler", tree["b-tw"])
    assert not Reminder.objects.visible_to(other).exists()
    client.force_login(other)
    assert client.get(f"/oversight/reminders/{reminder.pk}/").status_code == 404
