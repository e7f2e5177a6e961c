"""Due dates of statutory periods, with the reasons in Chinese (LEGAL-RULES.md §1).

The start day is not counted. A period in 日 (also 月 and 年) whose last day is not a working day ends on
the next working day; a 调休 working Saturday is a working day, so a period can end on it. A period in
工作日 ends on the N-th working day after the start. Pauses stop the clock (or restart it, for 补正);
approved extensions add to the length. `status()` is the one place that decides overdue and due-soon.

A period that runs through a year whose holiday notice is not known is still counted (work never stops), on
that year's provisional calendar, and the Deadline says so: `provisional` and `provisional_reason`.
"""

import calendar as _stdlib_calendar
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from django.utils import timezone

from fazhi.dates import cn_date
from fazhi.errors import FazhiError

from .calendar import (
    FIX_HINT,
    PROVISIONAL_LABEL,
    cn_weekday,
    is_working_day,
    next_working_day,
    provisional_reason,
    provisional_years,
    rest_day_reason,
    working_days_between,
    year_calendar,
)
from .rules import DAYS, MONTHS, UNITS, WORKING_DAYS, YEARS, Rule, get_rule, unit_text

__all__ = [
    "STATUS_LABELS",
    "Deadline",
    "DeadlineInputError",
    "Pause",
    "due_date",
    "due_for_rule",
    "is_working_day",
    "status",
    "working_days_between",
]

OVERDUE, DUE_SOON, OK = "overdue", "due_soon", "ok"
STATUS_LABELS = {OVERDUE: "已超期", DUE_SOON: "即将到期", OK: "未到期"}
_UNIT_ALIASES = {"天": DAYS, "自然日": DAYS, "个工作日": WORKING_DAYS, "个月": MONTHS, "月份": MONTHS}


class DeadlineInputError(FazhiError):
    code = "invalid_deadline_input"


@dataclass(frozen=True)
class Pause:
    """Days from `start` to `end` (both included) during which the clock stops.

    With restarts=True (补正) the period instead runs anew from `end`, the day the corrected request came in.
    """

    start: date
    end: date
    reason: str = "中止"
    restarts: bool = False


@dataclass(frozen=True)
class Deadline:
    start: date
    due: date
    length: int | None
    unit: str
    explanation: list[str] = field(default_factory=list)
    rule: Rule | None = None
    # Counted through a year without a holiday notice: weekends and fixed-date holidays only, until entered.
    provisional: bool = False
    provisional_reason: str = ""
    # 信访: the calendar end before it was rolled past rest days, the office's warning date (LEGAL-RULES.md §1).
    warning_date: date | None = None

    @property
    def text(self) -> str:
        return "".join(self.explanation)

    @property
    def label(self) -> str:
        """The due date as people read it: 2027年1月5日（暂定）."""
        return cn_date(self.due) + (f"（{PROVISIONAL_LABEL}）" if self.provisional else "")


def _as_date(value, what: str) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    raise DeadlineInputError(f"{what}必须是日期，收到的是“{value}”。")


def _as_pause(value) -> Pause:
    if isinstance(value, Pause):
        pause = value
    else:
        try:
            pause = Pause(*value)
        except TypeError:
            raise DeadlineInputError(
                f"中止期间应写成（开始日期, 结束日期[, 事由]），收到的是“{value}”。"
            ) from None
    start, end = _as_date(pause.start, "中止开始日期"), _as_date(pause.end, "中止结束日期")
    if end < start:
        raise DeadlineInputError(f"中止期间的结束日期{cn_date(end)}早于开始日期{cn_date(start)}，请核对。")
    return Pause(start, end, pause.reason, pause.restarts)


def normalize_unit(unit: str) -> str:
    unit = _UNIT_ALIASES.get(unit, unit)
    if unit not in UNITS:
        raise DeadlineInputError(f"期限单位“{unit}”无法识别，只能是 日、工作日、月 或 年。")
    return unit


def add_months(d: date, months: int) -> date:
    """The corresponding day `months` later; the month's last day when that month has no such day (民法典第二百零二条)."""
    years, month_index = divmod(d.month - 1 + months, 12)
    year, month = d.year + years, month_index + 1
    return date(year, month, min(d.day, _stdlib_calendar.monthrange(year, month)[1]))


def _long(d: date) -> str:
    return f"{cn_date(d)}（{cn_weekday(d)}）"


def _days(start: date, end: date):
    return (start + timedelta(days=i) for i in range((end - start).days + 1))


def _holidays_within(after: date, until: date) -> str:
    """The named holidays between two dates, e.g. 国庆节（2024年10月1日至2024年10月7日）."""
    spans: dict[str, list[date]] = {}
    for d in _days(after + timedelta(days=1), until):
        name = year_calendar(d.year).holiday_name(d)
        if name:
            spans.setdefault(name, [d, d])[1] = d
    return "、".join(
        f"{name}（{cn_date(a)}{'' if a == b else '至' + cn_date(b)}）" for name, (a, b) in spans.items()
    )


def due_date(
    start: date,
    length: int,
    unit: str,
    *,
    pauses: Iterable = (),
    extension: int = 0,
    warn_unrolled: bool = False,
) -> Deadline:
    """The due date of a period of `length` `unit` (日, 工作日, 月, 年) triggered on `start`.

    pauses: Pause objects or (from, to[, reason]) tuples, both days included, during which the clock stops.
    extension: an approved extension, in the same unit as the period.
    warn_unrolled: when a 日/月/年 period's last day is rolled past rest days, keep that last day as warning_date.
    """
    start = _as_date(start, "起算日")
    unit = normalize_unit(unit)
    if not isinstance(length, int) or length < 1:
        raise DeadlineInputError(f"期限长度必须是正整数，收到的是“{length}”。")
    if not isinstance(extension, int) or extension < 0:
        raise DeadlineInputError(f"延长的期限必须是不小于0的整数，收到的是“{extension}”。")
    pause_list = sorted((_as_pause(p) for p in pauses), key=lambda p: (p.start, p.end))
    for pause in pause_list:
        if pause.end <= start:
            raise DeadlineInputError(
                f"{pause.reason}期间{cn_date(pause.start)}至{cn_date(pause.end)}不在起算日{cn_date(start)}之后，请核对。"
            )

    lines: list[str] = []
    warning_date = None
    counting_from = start
    restarts = [p for p in pause_list if p.restarts]
    if restarts:
        last = max(restarts, key=lambda p: p.end)
        counting_from = last.end
        lines.append(
            f"{cn_date(start)}收到；{cn_date(last.start)}告知{last.reason}，{cn_date(last.end)}收到{last.reason}材料，"
            "期限自收到之日起重新计算。"
        )
    suspensions = [p for p in pause_list if not p.restarts and p.end > counting_from]
    paused: set[date] = set()
    for pause in suspensions:
        paused.update(d for d in _days(max(pause.start, counting_from + timedelta(days=1)), pause.end))

    total = length + extension
    if extension:
        lines.append(f"经批准延长{unit_text(extension, unit)}，期限合计{unit_text(total, unit)}。")

    if unit == WORKING_DAYS:
        due = _nth_working_day(counting_from, total, paused)
        paused = {d for d in paused if d <= due}
        lines.append(f"自{cn_date(counting_from)}起算（当日不计入），第{total}个工作日为{_long(due)}。")
        _explain_working_days(lines, counting_from, due)
    else:
        if unit == DAYS:
            span = total
            head = f"{total}日"
            raw = counting_from + timedelta(days=total)
        else:
            months = total * (12 if unit == YEARS else 1)
            raw = add_months(counting_from, months)
            span = (raw - counting_from).days
            head = unit_text(total, unit)
            if raw.day != counting_from.day:
                head += "（到期月没有对应日，以该月末日为最后一日）"
        end = _count_days(counting_from, span, paused)
        paused = {d for d in paused if d <= end}
        lines.append(f"自{cn_date(counting_from)}起算（当日不计入），{head}届满于{_long(raw)}。")
        if paused:
            lines.append(f"扣除中止计算的{len(paused)}日，顺延至{_long(end)}。")
        due = next_working_day(end)
        if due != end:
            lines.append(
                f"{cn_date(end)}为{rest_day_reason(end)}，期间的最后一日是法定休假日的，"
                f"以其后的第一个工作日{_long(due)}为期间的最后一日。"
            )
            if warn_unrolled:
                warning_date = end
                lines.append(f"办理预警日为{_long(end)}；法定届满日顺延至{_long(due)}。")
        elif end.weekday() >= 5:
            lines.append(f"{cn_date(end)}为调休上班日（{cn_weekday(end)}），期限在当日届满。")

    for pause in suspensions:
        counted = [d for d in paused if pause.start <= d <= pause.end]
        if not counted:
            continue  # began after the period had already run out
        working = sum(1 for d in counted if is_working_day(d))
        lines.append(
            f"{cn_date(pause.start)}至{cn_date(pause.end)}因{pause.reason}中止计算，"
            f"共{len(counted)}日（其中{working}个工作日）不计入期限。"
        )
    years = provisional_years(counting_from, due)
    reason = "、".join(provisional_reason(y) for y in years)
    if years:
        lines.append(
            f"{PROVISIONAL_LABEL}：{reason}，其间暂按周末和元旦（1月1日）、劳动节（5月1日至2日）、"
            f"国庆节（10月1日至3日）计算；录入通知后系统自动重新计算。{FIX_HINT}"
        )
    lines.append(f"届满日：{_long(due)}{f'（{PROVISIONAL_LABEL}）' if years else ''}。")
    return Deadline(
        start=start,
        due=due,
        length=total,
        unit=unit,
        explanation=lines,
        provisional=bool(years),
        provisional_reason=reason,
        warning_date=warning_date,
    )


def _nth_working_day(after: date, n: int, paused: set[date]) -> date:
    d, counted = after, 0
    while counted < n:
        d += timedelta(days=1)
        if d not in paused and is_working_day(d):
            counted += 1
    return d


def _count_days(after: date, n: int, paused: set[date]) -> date:
    d, counted = after, 0
    while counted < n:
        d += timedelta(days=1)
        if d not in paused:
            counted += 1
    return d


def _explain_working_days(lines: list[str], after: date, due: date) -> None:
    holidays = _holidays_within(after, due)
    if holidays:
        lines.append(f"其间的周末和法定节假日不计入，节假日为：{holidays}。")
    working_weekends = [
        d for d in _days(after + timedelta(days=1), due) if d.weekday() >= 5 and is_working_day(d)
    ]
    if working_weekends:
        lines.append(f"{'、'.join(_long(d) for d in working_weekends)}为调休上班日，计为工作日。")


def _resolve_pauses(rule: Rule, paused_periods: Iterable) -> list[Pause]:
    resolved = []
    for value in paused_periods:
        pause = _as_pause(value) if isinstance(value, Pause) or len(value) >= 3 else None
        if pause is None:
            if len(rule.pauses) != 1:
                raise DeadlineInputError(
                    f"“{rule.name}”的中止期间须注明事由："
                    f"{'、'.join(p.reason for p in rule.pauses) or '该期限没有法定的中止事由'}。"
                )
            pause = _as_pause((*value, rule.pauses[0].reason))
        kind = next((p for p in rule.pauses if p.matches(pause.reason)), None)
        if kind is None:
            allowed = "、".join(p.reason for p in rule.pauses)
            raise DeadlineInputError(
                f"“{rule.name}”不因“{pause.reason}”中止计算。"
                + (f"法定的中止事由只有：{allowed}。" if allowed else "该期限没有法定的中止事由。")
            )
        resolved.append(Pause(pause.start, pause.end, kind.reason, kind.restarts))
    return resolved


def due_for_rule(
    rule_code: str,
    start: date,
    *,
    paused_periods: Iterable = (),
    extension: int | None = None,
) -> Deadline:
    """The due date of a statutory limit of the rules table, triggered on `start`.

    paused_periods: Pause objects or (from, to[, reason]) tuples; the reason must be one the rule allows
    (e.g. 补正 or 征求第三方和其他机关意见 for disclosure.reply). extension: the approved extra length, in the
    rule's extension unit, at most the rule's maximum.
    """
    rule = get_rule(rule_code)
    start = _as_date(start, "起算日")
    paused_periods = list(paused_periods)
    header = f"{rule.name}：{rule.source}，{rule.trigger}起{rule.period_text}。"
    if rule.fixed_date:
        if paused_periods or extension:
            raise DeadlineInputError(f"“{rule.name}”是固定日期，不能中止或延长。")
        month, day = rule.fixed_date
        due = date(start.year + 1, month, day) - timedelta(days=1)
        lines = [
            header,
            f"{start.year}年度的报告应于{start.year + 1}年{month}月{day}日之前公开，最迟为{_long(due)}；"
            "固定日期，不因节假日顺延。",
            f"届满日：{_long(due)}。",
        ]
        return Deadline(start=start, due=due, length=None, unit=rule.unit, explanation=lines, rule=rule)
    if extension:
        if rule.extension is None:
            raise DeadlineInputError(f"“{rule.name}”没有可以延长的法定依据。")
        if extension > rule.extension.length:
            raise DeadlineInputError(
                f"“{rule.name}”最多延长{unit_text(rule.extension.length, rule.extension.unit)}，"
                f"不能延长{extension}。"
            )
    deadline = due_date(
        start,
        rule.length,
        rule.counting_unit,
        pauses=_resolve_pauses(rule, paused_periods),
        extension=extension or 0,
        warn_unrolled=rule.warn_unrolled,
    )
    lines = [header]
    if rule.conversion:
        lines.append(rule.conversion.explain(rule.length))
    if rule.counting_source:
        lines.append(f"期间依{rule.counting_source}计算。")
    if extension:
        lines.append(f"延长条件：{rule.extension.condition}。")
    lines += deadline.explanation
    if rule.note:
        lines.append(f"说明：{rule.note}。")
    return replace(deadline, explanation=lines, rule=rule)


SOON_WORKING_DAYS = 3  # "due soon": due within three working days (or today)


def due_soon_until(today: date) -> date:
    """The last due date that counts as due soon (across a year end too, on a provisional calendar)."""
    d, counted = today, 0
    while counted < SOON_WORKING_DAYS:
        d += timedelta(days=1)
        counted += is_working_day(d)
    return d


def status(due: date, today: date | None = None, soon_days: int = SOON_WORKING_DAYS) -> str:
    """ "overdue" after the due day, "due_soon" when due within `soon_days` working days (or today), else "ok"."""
    due = _as_date(due, "届满日")
    today = _as_date(today, "今天") if today is not None else timezone.localdate()
    if today > due:
        return OVERDUE
    # Counting stops as soon as the answer is known, so a far due date in a year without a notice is still "ok".
    d, counted = today, 0
    while d < due:
        d += timedelta(days=1)
        if is_working_day(d):
            counted += 1
            if counted > soon_days:
                return OK
    return DUE_SOON
