import datetime

import pytest

from fazhi.accounts.testing import login_with_second_factor
from fazhi.deadlines.models import HolidayNotice
from fazhi.web.views import deadline_board
from tests.conftest import clock_at
from tests.disputes.dispute_fixtures import new_dispute


def test_the_board_keeps_working_across_the_year_end(tree, person, client):
    mediator = person("m", "handler", tree["a-tw"])
    with clock_at(datetime.date(2026, 12, 30)):
        # 2 December + one month ends on Saturday 2 January 2027: Monday 4 January on the provisional calendar.
        dispute = new_dispute(mediator, tree["a-tw"], received_on=datetime.date(2026, 12, 2))
        assert dispute.due_date == datetime.date(2027, 1, 4) and dispute.provisional
        board = deadline_board(mediator)
        assert board["soon_until"] == datetime.date(2027, 1, 5)  # across 元旦 and the weekend
        assert board["due_soon"] == [dispute] and board["overdue"] == []
        client.force_login(mediator)
        html = client.get("/").content.decode()
    assert dispute.number in html and "2027年1月4日" in html
    assert 'class="flag provisional" title="2027年节假日安排尚未录入">暂定</span>' in html


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (datetime.date(2026, 9, 30), False),
        (datetime.date(2026, 10, 1), True),
        (datetime.date(2026, 12, 31), True),
    ],
)
def test_the_system_administrator_is_reminded_of_next_years_notice_from_october(
    tree, person, client, day, shown
):
    admin = person("sys", "sys_admin", tree["district"])
    with clock_at(day, hour=9):
        login_with_second_factor(client, admin)
        html = client.get("/").content.decode()
    assert ("2027年节假日安排尚未录入" in html) is shown
    if shown:
        assert "/admin/deadlines/holidaynotice/add/" in html


def test_the_reminder_goes_once_the_notice_is_entered_and_only_to_the_system_administrator(
    tree, person, client
):
    admin, mediator = person("sys", "sys_admin", tree["district"]), person("m", "handler", tree["a-tw"])
    with clock_at(datetime.date(2026, 11, 2), hour=9):
        client.force_login(mediator)
        assert "节假日安排尚未录入" not in client.get("/").content.decode()
        HolidayNotice.objects.create(year=2027, title="国办发明电〔2026〕（测试）", holidays="2027-01-01")
        login_with_second_factor(client, admin)
        assert "节假日安排尚未录入" not in client.get("/").content.decode()


def test_the_home_page_greets_a_signed_in_person(client, tree, person):
    client.force_login(person("m", "handler", tree["a-tw"]))
    html = client.get("/").content.decode()
    assert "我的待办" in html and "已超期" in html


def test_form_labels_end_with_the_chinese_colon(client, tree, person):
    client.force_login(person("m", "handler", tree["a-tw"]))
    html = client.get("/disputes/new/").content.decode()
    assert "受理日期：</label>" in html and "受理日期:" not in html
