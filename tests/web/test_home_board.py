import datetime

from fazhi.deadlines import calendar
from fazhi.web.views import deadline_board


def test_the_board_explains_a_missing_holiday_notice_instead_of_failing(tree, person, monkeypatch):
    mediator = person("m", "handler", tree["a-tw"])
    monkeypatch.setattr("fazhi.web.views.today", lambda: datetime.date(2026, 12, 30))
    calendar.clear_cache()
    board = deadline_board(mediator)
    assert "2027" in board["calendar_problem"]
    assert board["overdue"] == [] and board["due_soon"] == []


def test_the_home_page_greets_a_signed_in_person(client, tree, person):
    client.force_login(person("m", "handler", tree["a-tw"]))
    html = client.get("/").content.decode()
    assert "我的待办" in html and "已超期" in html


def test_form_labels_end_with_the_chinese_colon(client, tree, person):
    client.force_login(person("m", "handler", tree["a-tw"]))
    html = client.get("/disputes/new/").content.decode()
    assert "受理日期：</label>" in html and "受理日期:" not in html
