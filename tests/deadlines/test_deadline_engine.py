"""Due dates across the 2024–2026 holidays, checked by hand against the State Council notices:
2024 国办发明电〔2023〕7号, 2025 国办发明电〔2024〕12号, 2026 国办发明电〔2025〕7号."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.deadlines.calendar import clear_cache, year_calendar
from fazhi.deadlines.engine import (
    DeadlineInputError,
    Pause,
    due_date,
    due_soon_until,
    is_working_day,
    status,
    working_days_between,
)

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture(autouse=True)
def fresh_calendar():
    clear_cache()
    yield
    clear_cache()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2024, 9, 29), True),  # 国庆 2024: Sunday worked
        (D(2024, 10, 1), False),
        (D(2024, 10, 7), False),  # Monday, holiday
        (D(2024, 10, 12), True),  # Saturday worked
        (D(2024, 10, 13), False),
        (D(2025, 1, 26), True),  # 春节 2025: Sunday worked
        (D(2025, 1, 28), False),
        (D(2025, 2, 4), False),
        (D(2025, 2, 8), True),  # Saturday worked
        (D(2025, 4, 27), True),  # 劳动节 2025: Sunday worked
        (D(2025, 5, 5), False),
        (D(2025, 10, 8), False),  # 国庆中秋 2025: eight days
        (D(2025, 10, 11), True),
        (D(2026, 1, 2), False),  # 元旦 2026: Friday off, Sunday 4 January worked
        (D(2026, 1, 4), True),
        (D(2026, 2, 14), True),  # 春节 2026: Saturdays 14 and 28 February worked
        (D(2026, 2, 23), False),
        (D(2026, 2, 28), True),
        (D(2026, 5, 9), True),
        (D(2026, 9, 20), True),  # 国庆 2026: Sunday 20 September and Saturday 10 October worked
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),
        (D(2026, 10, 9), True),  # an ordinary Friday
        (D(2026, 10, 11), False),  # an ordinary Sunday
    ],
)
def test_working_days_follow_the_notices(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "length", "unit", "due"),
    [
        # 国庆 2024
        (D(2024, 9, 27), 15, "日", D(2024, 10, 12)),  # ends on a 调休 Saturday: stays
        (D(2024, 9, 20), 15, "日", D(2024, 10, 8)),  # ends on 5 October: moved past the holiday
        (D(2024, 9, 26), 3, "日", D(2024, 9, 29)),  # ends on a worked Sunday: stays
        (D(2024, 9, 30), 10, "工作日", D(2024, 10, 18)),
        (D(2024, 9, 27), 1, "工作日", D(2024, 9, 29)),
        # 春节 2025
        (D(2025, 1, 20), 10, "日", D(2025, 2, 5)),
        (D(2025, 1, 24), 15, "日", D(2025, 2, 8)),
        (D(2025, 1, 24), 5, "工作日", D(2025, 2, 7)),
        (D(2025, 1, 27), 1, "工作日", D(2025, 2, 5)),
        # 劳动节 2025
        (D(2025, 4, 20), 12, "日", D(2025, 5, 6)),
        (D(2025, 4, 25), 3, "工作日", D(2025, 4, 29)),
        (D(2025, 4, 29), 3, "工作日", D(2025, 5, 7)),
        # 春节 2026
        (D(2026, 2, 5), 10, "日", D(2026, 2, 24)),
        (D(2026, 2, 13), 15, "日", D(2026, 2, 28)),
        (D(2026, 2, 12), 5, "工作日", D(2026, 2, 26)),
        (D(2026, 2, 10), 20, "工作日", D(2026, 3, 16)),
        # 国庆 2026 (中秋 25–27 September just before)
        (D(2026, 9, 16), 15, "日", D(2026, 10, 8)),
        (D(2026, 9, 25), 15, "日", D(2026, 10, 10)),
        (D(2026, 9, 18), 2, "工作日", D(2026, 9, 21)),
        (D(2026, 9, 23), 5, "工作日", D(2026, 10, 8)),
        # an ordinary week: a 日 period ending on Sunday moves to Monday
        (D(2024, 3, 1), 9, "日", D(2024, 3, 11)),
        # 月 and 年: the corresponding day, the month's last day when there is none
        (D(2024, 1, 31), 1, "月", D(2024, 2, 29)),
        (D(2025, 1, 31), 1, "月", D(2025, 2, 28)),
        (D(2024, 8, 1), 2, "月", D(2024, 10, 8)),
        (D(2024, 2, 29), 2, "年", D(2026, 2, 28)),  # clamped, and a worked Saturday
        (D(2021, 10, 1), 5, "年", D(2026, 10, 8)),
    ],
)
def test_due_dates(start, length, unit, due):
    assert due_date(start, length, unit).due == due


def test_explanation_says_why_a_period_moved():
    lines = due_date(D(2024, 9, 20), 15, "日").explanation
    assert lines[0] == "自2024年9月20日起算（当日不计入），15日届满于2024年10月5日（星期六）。"
    assert "国庆节假期" in lines[1] and "2024年10月8日（星期二）" in lines[1]
    assert lines[-1] == "届满日：2024年10月8日（星期二）。"


def test_explanation_says_a_worked_saturday_ends_the_period():
    lines = due_date(D(2024, 9, 27), 15, "日").explanation
    assert "2024年10月12日为调休上班日（星期六），期限在当日届满。" in lines


def test_explanation_of_working_days_names_the_holiday_and_the_worked_weekend():
    text = due_date(D(2025, 1, 24), 5, "工作日").text
    assert "春节（2025年1月28日至2025年2月4日）" in text
    assert "2025年1月26日（星期日）为调休上班日" in text


def test_suspension_in_calendar_days():
    # 13 March would be the end; three paused days push it to Sunday 16 March, hence Monday 17.
    deadline = due_date(D(2025, 3, 3), 10, "日", pauses=[(D(2025, 3, 5), D(2025, 3, 7), "征求意见")])
    assert deadline.due == D(2025, 3, 17)
    assert (
        "2025年3月5日至2025年3月7日因征求意见中止计算，共3日（其中3个工作日）不计入期限。"
        in deadline.explanation
    )


def test_a_pause_after_the_period_ran_out_changes_nothing():
    assert due_date(D(2025, 3, 3), 10, "日", pauses=[(D(2025, 4, 1), D(2025, 4, 3))]).due == D(2025, 3, 13)


def test_restart_counts_from_the_day_the_clock_resumes():
    pause = Pause(D(2024, 9, 23), D(2024, 9, 30), "补正", restarts=True)
    assert due_date(D(2024, 9, 20), 20, "工作日", pauses=[pause]).due == D(2024, 11, 1)


def test_extension_adds_to_the_length_in_the_same_unit():
    deadline = due_date(D(2024, 9, 20), 20, "工作日", extension=20)
    assert deadline.due == due_date(D(2024, 9, 20), 40, "工作日").due
    assert "经批准延长20个工作日，期限合计40个工作日。" in deadline.explanation


def test_bad_input_is_refused_in_chinese():
    with pytest.raises(DeadlineInputError, match="期限单位“周”无法识别"):
        due_date(D(2024, 9, 20), 3, "周")
    with pytest.raises(DeadlineInputError, match="正整数"):
        due_date(D(2024, 9, 20), 0, "日")
    with pytest.raises(DeadlineInputError, match=r"结束日期.*早于开始日期"):
        due_date(D(2024, 9, 20), 3, "日", pauses=[(D(2024, 9, 25), D(2024, 9, 22))])
    with pytest.raises(DeadlineInputError, match="不在起算日"):
        due_date(D(2024, 9, 20), 3, "日", pauses=[(D(2024, 9, 10), D(2024, 9, 12))])


def test_a_year_without_a_notice_is_counted_provisionally_and_says_so():
    # 15 日 from 20 December 2026 ends on Monday 4 January 2027: counted, never refused, and marked 暂定.
    deadline = due_date(D(2026, 12, 20), 15, "日")
    assert deadline.due == D(2027, 1, 4)
    assert deadline.provisional and deadline.provisional_reason == "2027年节假日安排尚未录入"
    assert deadline.label == "2027年1月4日（暂定）"
    assert (
        "暂定：2027年节假日安排尚未录入" in deadline.text
        and "届满日：2027年1月4日（星期一）（暂定）" in deadline.text
    )
    assert "请系统管理员在“节假日安排”中录入该年国务院办公厅通知" in deadline.text
    # 元旦 is a fixed-date holiday: a period ending on 1 January 2027 (a Friday) rolls over the weekend.
    assert due_date(D(2026, 12, 17), 15, "日").due == D(2027, 1, 4)
    # Working days skip 元旦 and the weekend: 30 and 31 December, then Monday 4 January.
    assert due_date(D(2026, 12, 29), 3, "工作日").due == D(2027, 1, 4)
    # 劳动节 (1–2 May) and 国庆节 (1–3 October) are the other fixed dates; the lunar festivals are not guessed.
    assert due_date(D(2027, 4, 29), 2, "工作日").due == D(
        2027, 5, 3
    )  # Fri 30 Apr, Sat–Sun 1–2 May, Mon 3 May
    assert is_working_day(D(2027, 2, 8))  # 春节 2027 is unknown until the notice says so
    assert not is_working_day(D(2027, 10, 1)) and not is_working_day(D(2027, 10, 3))
    assert year_calendar(2003).provisional  # before the package's years too


def test_a_period_within_known_years_is_not_provisional():
    deadline = due_date(D(2026, 11, 2), 15, "日")
    assert deadline.due == D(2026, 11, 17) and not deadline.provisional and deadline.provisional_reason == ""
    assert "暂定" not in deadline.text and deadline.label == "2026年11月17日"


def test_working_days_between():
    assert working_days_between(D(2024, 9, 30), D(2024, 10, 8)) == 1
    assert working_days_between(D(2024, 9, 27), D(2024, 10, 12)) == 7  # 29–30 Sep, 8–11 Oct, 12 Oct
    assert working_days_between(D(2024, 10, 8), D(2024, 9, 30)) == -1
    assert working_days_between(D(2024, 10, 8), D(2024, 10, 8)) == 0


@pytest.mark.parametrize(
    ("due", "today", "soon_days", "expected"),
    [
        (D(2024, 10, 8), D(2024, 10, 9), 3, "overdue"),
        (D(2024, 10, 8), D(2024, 10, 8), 3, "due_soon"),  # the last day itself is not overdue
        (D(2024, 10, 8), D(2024, 9, 30), 3, "due_soon"),  # one working day away across the holiday week
        (D(2024, 10, 10), D(2024, 9, 30), 3, "due_soon"),  # 8, 9, 10 October
        (D(2024, 10, 11), D(2024, 9, 30), 3, "ok"),
        (D(2024, 10, 11), D(2024, 9, 30), 4, "due_soon"),
        (D(2027, 6, 1), D(2026, 11, 24), 3, "ok"),  # far enough that 2027 need not be known
    ],
)
def test_status(due, today, soon_days, expected):
    assert status(due, today, soon_days=soon_days) == expected


@pytest.mark.parametrize(
    ("today", "until"),
    [
        (
            D(2024, 9, 27),
            D(2024, 10, 8),
        ),  # Sun 29 Sep (调休 working), Mon 30 Sep, then the holiday week, 8 Oct
        (D(2025, 3, 3), D(2025, 3, 6)),
        (D(2026, 11, 24), D(2026, 11, 27)),
    ],
)
def test_due_soon_window_is_three_working_days(today, until):
    assert due_soon_until(today) == until


def test_due_soon_window_crosses_into_a_year_nobody_entered():
    # Thu 31 December, then 元旦 and the weekend, Mon 4 and Tue 5 January 2027 (provisional calendar).
    assert due_soon_until(D(2026, 12, 30)) == D(2027, 1, 5)


def test_status_near_a_year_nobody_entered():
    assert status(D(2027, 1, 5), D(2026, 12, 30)) == "due_soon"
    assert status(D(2027, 1, 6), D(2026, 12, 30)) == "ok"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 11, 15)),
    length=st.integers(min_value=1, max_value=30),
)
def test_properties_of_counting(start, length):
    working = due_date(start, length, "工作日").due
    assert is_working_day(working)
    assert working_days_between(start, working) == length

    calendar_due = due_date(start, length, "日").due
    end = start + timedelta(days=length)
    assert is_working_day(calendar_due)
    assert calendar_due >= end
    # Every day from the natural end up to the due date is a rest day: nothing was skipped that could end it.
    assert all(not is_working_day(end + timedelta(days=i)) for i in range((calendar_due - end).days))
