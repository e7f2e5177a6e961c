"""Periods figures are counted over: both ends inclusive, as the reports count them."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from fazhi.dates import cn_date

QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}


def _year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February: the year before has no such day
        return day.replace(year=day.year - 1, day=28)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    # A running period is compared with last year's same dates only up to this day (see as_of).
    compared_until: datetime.date | None = field(default=None, compare=False)

    def __post_init__(self):
        if self.start > self.end:
            raise ValueError(f"起始日期{cn_date(self.start)}晚于截止日期{cn_date(self.end)}，请调换后重试。")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in QUARTER_NAMES:
            raise ValueError(f"季度应为1到4，收到的是{quarter}。")
        first = 3 * quarter - 2
        return cls(datetime.date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls.months(year, month, month)

    @classmethod
    def months(cls, year: int, first: int, last: int) -> Period:
        """From the first day of month ``first`` to the last day of month ``last`` of one year."""
        if not 1 <= first <= last <= 12:
            raise ValueError(f"月份范围应在1到12月之间且起始月不晚于截止月，收到的是{first}月至{last}月。")
        return cls(datetime.date(year, first, 1), _month_end(year, last))

    def as_of(self, day: datetime.date) -> Period:
        """The period as seen on ``day``: while it is running, its 同比 compares it with last year's
        same dates up to that day, not with the whole of last year's period. What it counts is
        unchanged, so records dated later in the period (a reply due next week) still count."""
        if self.start <= day < self.end:
            return Period(self.start, self.end, compared_until=day)
        return self

    def previous_year(self) -> Period:
        """The same period one year before (the base of 同比); for a running period, up to the same day."""
        end = min(self.end, self.compared_until) if self.compared_until else self.end
        return Period(_year_before(self.start), _year_before(end))

    @property
    def whole_year(self) -> int | None:
        """The year, when the period is exactly one calendar year."""
        year = self.start.year
        if self.start.month == 1 and self.start.day == 1 and self.end == datetime.date(year, 12, 31):
            return year
        return None

    def _whole_months(self) -> tuple[int, int] | None:
        if (
            self.start.year == self.end.year
            and self.start.day == 1
            and self.end == _month_end(self.end.year, self.end.month)
        ):
            return self.start.month, self.end.month
        return None

    def month_periods(self) -> list[Period]:
        """The calendar months the period touches, each clipped to the period."""
        result = []
        year, month = self.start.year, self.start.month
        while datetime.date(year, month, 1) <= self.end:
            start = max(self.start, datetime.date(year, month, 1))
            end = min(self.end, _month_end(year, month))
            result.append(Period(start, end))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    @property
    def label(self) -> str:
        """As a report writes it: 2024年, 2024年第一季度, 2024年3月, 2024年1—6月, or the dates."""
        months = self._whole_months()
        if months:
            first, last = months
            year = self.start.year
            if (first, last) == (1, 12):
                return f"{year}年"
            if first == last:
                return f"{year}年{first}月"
            if first % 3 == 1 and last == first + 2:
                return f"{year}年{QUARTER_NAMES[(first + 2) // 3]}"
            return f"{year}年{first}—{last}月"
        return f"{cn_date(self.start)}至{cn_date(self.end)}"

    def __str__(self) -> str:
        return self.label
