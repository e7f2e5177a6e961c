"""Holiday notices entered by an administrator: validation, overriding the package, unknown years."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from fazhi.deadlines.calendar import clear_cache, year_calendar
from fazhi.deadlines.datelists import format_date_list, parse_date_list
from fazhi.deadlines.engine import due_date, is_working_day, working_days_between
from fazhi.deadlines.models import HolidayNotice

pytestmark = pytest.mark.django_db
D = date

# Made-up dates for a year the package does not know; the real 2027 notice is for the administrator to enter.
NOTICE_2027 = {
    "year": 2027,
    "title": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
    "holidays": "2027-01-01至2027-01-03\n2027-02-06 ~ 2027-02-13",
    "working_weekends": "2027-01-09，2027-02-14",
}


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


def enter(**fields) -> HolidayNotice:
    notice = HolidayNotice(**fields)
    notice.full_clean()
    notice.save()
    return notice


def test_parser_reads_dates_and_ranges():
    assert parse_date_list("2027-10-01至2027-10-03、2027-10-05\n\n2027-10-04；2027-9-30") == [
        D(2027, 9, 30),
        D(2027, 10, 1),
        D(2027, 10, 2),
        D(2027, 10, 3),
        D(2027, 10, 4),
        D(2027, 10, 5),
    ]
    assert format_date_list([D(2027, 10, 3), D(2027, 10, 1), D(2027, 10, 2), D(2027, 9, 26)]) == (
        "2027-09-26\n2027-10-01至2027-10-03"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-13-01", "2027-13-01 不存在"),
        ("2027-02-30", "不存在"),
        ("10月1日", "无法识别“10月1日”"),
        ("2027-10-07至2027-10-01", "结束日期早于开始日期"),
        ("2027-01-01至2027-03-01", "跨度超过31天"),
    ],
)
def test_parser_refuses_bad_entries_in_chinese(text, message):
    with pytest.raises(ValidationError) as raised:
        parse_date_list(text)
    assert message in raised.value.messages[0]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"holidays": "2027-1-1至2027-01-03\n2027-10-0x"}, "holidays", "无法识别“2027-10-0x”"),
        ({"holidays": ""}, "holidays", "不能为空"),
        ({"holidays": "2026-12-31至2027-01-01"}, "holidays", "2026-12-31不在2027年内"),
        ({"working_weekends": "2027-01-11"}, "working_weekends", "2027-01-11（星期一）本来就是工作日"),
        ({"working_weekends": "2027-01-02"}, "working_weekends", "既被填为放假日期又被填为调休上班日期"),
    ],
)
def test_invalid_notice_is_refused_with_a_chinese_message(fields, field, message):
    with pytest.raises(ValidationError) as raised:
        enter(**{**NOTICE_2027, **fields})
    assert any(message in text for text in raised.value.message_dict[field])
    assert not HolidayNotice.objects.exists()


def test_second_notice_for_the_same_year_is_refused():
    enter(**NOTICE_2027)
    with pytest.raises(ValidationError) as raised:
        enter(**NOTICE_2027)
    assert "该年份的节假日安排已经录入" in raised.value.message_dict["year"][0]


def test_clean_stores_the_canonical_text():
    notice = enter(**NOTICE_2027)
    assert notice.holidays == "2027-01-01至2027-01-03\n2027-02-06至2027-02-13"
    assert notice.working_weekends == "2027-01-09\n2027-02-14"


def test_provisional_until_its_notice_is_entered():
    before = due_date(D(2026, 12, 25), 15, "日")
    assert (before.due, before.provisional) == (
        D(2027, 1, 11),
        True,
    )  # Sat 9 January: a weekend, provisionally
    assert year_calendar(2027).provisional
    enter(**NOTICE_2027)
    # The cached provisional calendar must not survive the save: 1–3 January are rest days, so Monday 4 January.
    assert due_date(D(2026, 12, 17), 15, "日").due == D(2027, 1, 4)
    after = due_date(D(2026, 12, 25), 15, "日")
    assert (after.due, after.provisional) == (D(2027, 1, 9), False)  # a worked Saturday
    assert due_date(D(2027, 2, 5), 1, "工作日").due == D(
        2027, 2, 14
    )  # the holiday week skipped, Sunday worked
    assert working_days_between(D(2027, 2, 5), D(2027, 2, 15)) == 2
    assert year_calendar(2027).source == NOTICE_2027["title"]


def test_a_notice_overrides_the_package_and_deleting_it_restores_the_package():
    assert is_working_day(D(2025, 3, 3))
    notice = enter(year=2025, title="更正（测试）", holidays="2025-03-03", working_weekends="")
    assert not is_working_day(D(2025, 3, 3))
    # The notice replaces the whole year: the package's 春节 2025 no longer applies.
    assert is_working_day(D(2025, 1, 28))
    notice.delete()
    assert is_working_day(D(2025, 3, 3))
    assert not is_working_day(D(2025, 1, 28))


def test_admin_is_registered_in_chinese_and_records_who_entered():
    assert HolidayNotice._meta.verbose_name == "节假日安排"
    model_admin = admin.site._registry[HolidayNotice]
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="sysadmin", password="Xx#12345678ab")
    request = RequestFactory().post("/")
    request.user = user
    request._messages = CookieStorage(request)
    notice = HolidayNotice(**NOTICE_2027)
    notice.full_clean()
    model_admin.save_model(request, notice, form=None, change=False)
    notice.refresh_from_db()
    assert notice.entered_by == user
    assert model_admin.rest_day_count(notice) == 11
    assert model_admin.working_weekend_count(notice) == 2
