"""The Chinese working-day calendar: which days are working days, year by year.

A year's calendar comes from the administrator's HolidayNotice for that year if there is one, otherwise from
the `chinesecalendar` package (the State Council notices 2004–2026). A year known to neither never stops work
(LEGAL-RULES.md §1): its calendar is *provisional* — weekends and the fixed-date holidays only (元旦 1月1日,
劳动节 5月1日–2日, 国庆节 10月1日–3日) — and every date counted through it is shown as 「暂定」 until the notice
is entered, when the open records are recomputed (fazhi.ledger.recompute).
"""

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar
from chinese_calendar import constants as _package_data
from django.core.exceptions import ValidationError

from fazhi.errors import FazhiError

# Other processes learn of a changed notice after at most this long; the saving process at once (signals).
CACHE_SECONDS = 300

WEEKDAY_NAMES = "一二三四五六日"
_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
FIX_HINT = "请系统管理员在“节假日安排”中录入该年国务院办公厅通知。"


# The holidays whose dates every year's notice keeps (the lunar ones and the 调休 weekends move each year).
FIXED_HOLIDAYS = (
    ((1, 1), "元旦"),
    ((5, 1), "劳动节"),
    ((5, 2), "劳动节"),
    ((10, 1), "国庆节"),
    ((10, 2), "国庆节"),
    ((10, 3), "国庆节"),
)
PROVISIONAL_LABEL = "暂定"


class InvalidHolidayNotice(FazhiError):
    code = "invalid_holiday_notice"


def cn_weekday(d: date) -> str:
    return f"星期{WEEKDAY_NAMES[d.weekday()]}"


@dataclass(frozen=True)
class YearCalendar:
    year: int
    holidays: frozenset[date]  # every rest day the notice names, weekends included
    working_weekends: frozenset[date]  # 调休: Saturdays and Sundays that are working days
    source: str
    holiday_names: tuple[tuple[date, str], ...] = ()
    provisional: bool = False  # no notice known: weekends and the fixed-date holidays only

    def is_working_day(self, d: date) -> bool:
        if d in self.working_weekends:
            return True
        return d not in self.holidays and d.weekday() < 5

    def holiday_name(self, d: date) -> str | None:
        """The festival a rest day belongs to (法定节假日 when the notice did not name it); None otherwise."""
        if d not in self.holidays:
            return None
        return dict(self.holiday_names).get(d, "法定节假日")


def package_years() -> tuple[int, int]:
    years = [d.year for d in _package_data.holidays]
    return min(years), max(years)


def _from_package(year: int) -> YearCalendar | None:
    first, last = package_years()
    if not first <= year <= last:
        return None
    holidays = {d: name for d, name in _package_data.holidays.items() if d.year == year}
    return YearCalendar(
        year=year,
        holidays=frozenset(holidays),
        working_weekends=frozenset(d for d in _package_data.workdays if d.year == year),
        source=f"国务院办公厅{year}年部分节假日安排的通知（chinesecalendar {chinese_calendar.__version__}）",
        holiday_names=tuple(sorted((d, _HOLIDAY_NAMES.get(n, "法定节假日")) for d, n in holidays.items())),
    )


def _from_notice(year: int) -> YearCalendar | None:
    from .models import HolidayNotice

    notice = HolidayNotice.objects.filter(year=year).first()
    if notice is None:
        return None
    try:
        holidays, working = notice.parsed()
    except ValidationError as error:
        raise InvalidHolidayNotice(
            f'{year}年节假日安排录入有误（{"；".join(error.messages)}），请系统管理员在"节假日安排"中更正。'
        ) from None
    return YearCalendar(
        year=year,
        holidays=frozenset(holidays),
        working_weekends=frozenset(working),
        source=notice.title,
    )


def provisional_reason(year: int) -> str:
    return f"{year}年节假日安排尚未录入"


def _provisional(year: int) -> YearCalendar:
    names = tuple((date(year, month, day), name) for (month, day), name in FIXED_HOLIDAYS)
    return YearCalendar(
        year=year,
        holidays=frozenset(d for d, _ in names),
        working_weekends=frozenset(),
        source=f"{provisional_reason(year)}，暂按周末和元旦、劳动节、国庆节的固定放假日期计算",
        holiday_names=names,
        provisional=True,
    )


_cache: dict[int, tuple[float, YearCalendar]] = {}
_lock = threading.Lock()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def year_calendar(year: int) -> YearCalendar:
    """The calendar of one year: the entered notice, else the package's, else a provisional one."""
    now = time.monotonic()
    cached = _cache.get(year)
    if cached and now - cached[0] < CACHE_SECONDS:
        return cached[1]
    calendar = _from_notice(year) or _from_package(year) or _provisional(year)
    with _lock:
        _cache[year] = (now, calendar)
    return calendar


def is_working_day(d: date) -> bool:
    return year_calendar(d.year).is_working_day(d)


def rest_day_reason(d: date) -> str:
    """Why d is not a working day, in Chinese (e.g. 国庆节假期, 星期六)."""
    name = year_calendar(d.year).holiday_name(d)
    return f"{name}假期" if name else f"{cn_weekday(d)}休息日"


def next_working_day(d: date) -> date:
    """d itself if it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def provisional_years(first: date, last: date) -> list[int]:
    """The years from first to last whose calendar is provisional (no holiday notice known)."""
    return [y for y in range(first.year, last.year + 1) if year_calendar(y).provisional]


NOTICE_REMINDER_MONTH = 10  # the State Council publishes next year's notice in November or December


def missing_notice(day: date) -> int | None:
    """Next year, when it is October or later and next year's holiday notice is still not entered; else None
    (the home page reminds the system administrator; `fazhi holiday_notice` lets a timer do the same)."""
    if day.month < NOTICE_REMINDER_MONTH:
        return None
    return day.year + 1 if year_calendar(day.year + 1).provisional else None


def is_provisional(d: date) -> bool:
    """Whether a date counted by the engine up to d went through a year without a notice."""
    return year_calendar(d.year).provisional


def working_days_between(a: date, b: date) -> int:
    """Working days after a up to and including b (a itself not counted, like a period's start); negative if b < a."""
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for i in range(1, (b - a).days + 1) if is_working_day(a + timedelta(days=i)))
