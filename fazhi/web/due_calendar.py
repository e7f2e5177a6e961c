"""The month calendar of every statutory due date in the person's scope, and the same dates as an
iCalendar file (.ics) for Outlook, WPS or a phone's calendar. Open records only, through the one scoping
rule; an event names the record's number and ledger, never a party (the file leaves the system)."""

import calendar as month_grid
import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from icalendar import Calendar, Event

from fazhi.dates import today
from fazhi.deadlines.calendar import is_working_day, rest_day_reason
from fazhi.ledger.downloads import file_response

from .views import open_deadlined

PER_LEDGER_LIMIT = 1000  # a month of one 街道's ledger holds far fewer; the page stays bounded whatever


@dataclass(frozen=True)
class Day:
    date: datetime.date
    in_month: bool
    working: bool
    rest_reason: str
    records: list


def due_between(user, first: datetime.date, last: datetime.date) -> list:
    """Open records the person may see whose due date falls from first to last, by date."""
    found = []
    for _, open_records in open_deadlined(user):
        found += list(
            open_records.filter(due_date__range=(first, last)).order_by("due_date", "pk")[:PER_LEDGER_LIMIT]
        )
    return sorted(found, key=lambda r: (r.due_date, r._meta.verbose_name, r.pk))


def _month(request) -> datetime.date:
    """The first day of ?month=YYYY-MM, this month when absent or malformed (said on the page)."""
    text = request.GET.get("month", "")
    if text:
        try:
            first = datetime.datetime.strptime(text, "%Y-%m").date()
            if 2000 <= first.year <= 2100:
                return first
        except ValueError:
            pass
        messages.error(request, f"月份“{text[:20]}”无法识别，应写成 年-月，例如 2026-12；已显示本月。")
    return today().replace(day=1)


def _last_day(first: datetime.date) -> datetime.date:
    return first.replace(day=month_grid.monthrange(first.year, first.month)[1])


@login_required
def month(request):
    first = _month(request)
    weeks = month_grid.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    records = due_between(request.user, weeks[0][0], weeks[-1][-1])
    by_day: dict[datetime.date, list] = {}
    for record in records:
        by_day.setdefault(record.due_date, []).append(record)
    grid = [
        [
            Day(
                d,
                d.month == first.month,
                is_working_day(d),
                "" if is_working_day(d) else rest_day_reason(d),
                by_day.get(d, []),
            )
            for d in week
        ]
        for week in weeks
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = _last_day(first) + datetime.timedelta(days=1)
    context = {
        "first": first,
        "weeks": grid,
        "today": today(),
        "count": sum(1 for r in records if r.due_date.month == first.month),
        "previous": previous.strftime("%Y-%m"),
        "following": following.strftime("%Y-%m"),
        "this_month": today().strftime("%Y-%m"),
        "weekdays": "一二三四五六日",
        "ics_month": first.strftime("%Y-%m"),
    }
    return render(request, "web/calendar.html", context)


ICS_MONTHS = 6


@login_required
def ics(request):
    """Due dates of the month asked for and the five after it, as all-day events."""
    first = _month(request)
    last = first
    for _ in range(ICS_MONTHS - 1):
        last = _last_day(last) + datetime.timedelta(days=1)
    last = _last_day(last)
    feed = Calendar()
    feed.add("prodid", "-//Fazhi 法治街道工作台//due dates//ZH")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "法定期限")
    stamp = datetime.datetime.now(datetime.UTC)
    for record in due_between(request.user, first, last):
        event = Event()
        event.add("uid", f"{record._meta.label_lower}-{record.pk}-due@fazhi")
        event.add("dtstamp", stamp)
        event.add("dtstart", record.due_date)
        event.add("dtend", record.due_date + datetime.timedelta(days=1))
        event.add(
            "summary",
            f"期限：{record._meta.verbose_name} {record.number}（{record.org.short_name or record.org.name}）",
        )
        basis = getattr(record, "due_basis", "") or ""
        event.add("description", f"{record.status_label}。{basis}".strip("。") + "。")
        event.add("url", request.build_absolute_uri(record.get_absolute_url()))
        feed.add_component(event)
    return file_response(
        feed.to_ical(), f"法定期限{first.year}年{first.month}月.ics", "text/calendar; charset=utf-8"
    )
