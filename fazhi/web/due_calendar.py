"""The month calendar of every statutory due date in the person's scope, and the same dates as an
iCalendar file (.ics) for Outlook, WPS or a phone's calendar. Open records only, through the one scoping
rule; an event names the record's number and ledger, never a party (the file leaves the system).

A person may also subscribe a calendar program to ``/calendar/feed/<key>.ics``: the same dates for the
holder of the key (fazhi.accounts.feeds), asked for without a session, scoped exactly as their own page."""

import calendar as month_grid
import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from fazhi.accounts import feeds
from fazhi.accounts.feeds import user_for_feed_key
from fazhi.accounts.models import CalendarFeed
from fazhi.dates import today
from fazhi.deadlines.calendar import is_working_day, rest_day_reason
from fazhi.ledger.downloads import file_response

from .views import open_deadlined

ICS_TYPE = "text/calendar; charset=utf-8"
NEW_FEED_SESSION_KEY = "calendar_feed_url"
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
        "feed": CalendarFeed.objects.filter(user=request.user).first(),
        "new_feed_url": request.session.pop(NEW_FEED_SESSION_KEY, ""),
    }
    return render(request, "web/calendar.html", context)


ICS_MONTHS = 6


def _months_from(first: datetime.date) -> datetime.date:
    """The last day of the ICS_MONTHS months from ``first``."""
    last = first
    for _ in range(ICS_MONTHS - 1):
        last = _last_day(last) + datetime.timedelta(days=1)
    return _last_day(last)


def _calendar(request, user, first: datetime.date) -> bytes:
    """Due dates of ``user``'s open records from ``first`` for ICS_MONTHS months, as all-day events."""
    feed = Calendar()
    feed.add("prodid", "-//Fazhi 法治街道工作台//due dates//ZH")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "法定期限")
    stamp = datetime.datetime.now(datetime.UTC)
    for record in due_between(user, first, _months_from(first)):
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
    return feed.to_ical()


@login_required
def ics(request):
    """Due dates of the month asked for and the five after it, as a file."""
    first = _month(request)
    return file_response(
        _calendar(request, request.user, first), f"法定期限{first.year}年{first.month}月.ics", ICS_TYPE
    )


def feed(request, key: str):
    """The subscription: the key's holder's due dates from this month on, without a session. An unknown,
    revoked or regenerated key, or a deactivated person's, is a 404 like any unknown address."""
    user = user_for_feed_key(key)
    if user is None:
        raise Http404("没有这个日历订阅地址。")
    response = HttpResponse(_calendar(request, user, today().replace(day=1)), content_type=ICS_TYPE)
    add_never_cache_headers(response)  # the holder's data: no proxy keeps it (no session marks it here)
    return response


@login_required
@require_POST
def feed_manage(request):
    """Create, regenerate or revoke the person's own subscription address (audited in feeds)."""
    action = request.POST.get("action")
    if action in ("create", "regenerate"):
        key = feeds.issue(request.user)
        # Shown once, on the page this redirects to; the session is server-side, the key is not kept after.
        request.session[NEW_FEED_SESSION_KEY] = request.build_absolute_uri(
            reverse("web:calendar_feed", args=[key])
        )
        messages.success(
            request, "已生成新的订阅地址，旧地址（如有）已失效。请复制下面的地址添加到日历程序中。"
        )
    elif action == "revoke":
        if feeds.revoke(request.user):
            messages.success(request, "已停用日历订阅地址，日历程序将不再收到更新。")
    else:
        messages.error(request, "无法识别的操作。")
    return redirect("web:calendar")
