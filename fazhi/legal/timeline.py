"""The whole history of one item for its detail page: review rounds and the audit trail."""

from datetime import datetime, time

from django.utils import timezone

from fazhi.ledger.history import Event, audit_events

from .models import ReviewItem


def _day(d) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(9)))


def timeline(item: ReviewItem) -> list[Event]:
    events = []
    for r in item.rounds.select_related("reviewer_org", "reviewer"):
        lines = [r.materials] if r.materials else []
        if r.due_date:
            lines.append(f"审查期限：{r.due_date:%Y年%m月%d日}")
        if r.earliest_opinion_on:
            lines.append(f"最早出具意见日期：{r.earliest_opinion_on:%Y年%m月%d日}")
        title = "送审" if r.seq == 1 else f"第{r.seq}轮重新送审"
        events.append(Event(_day(r.submitted_on), "round", title, "", lines))
        if r.opinion_on:
            verb = "退回修改" if r.returned else "出具审查意见"
            lines = [f"结论：{r.get_opinion_display()}", r.opinion_text]
            if r.working_days is not None:
                lines.append(f"审查用时{r.working_days}个工作日")
            events.append(
                Event(
                    _day(r.opinion_on),
                    "opinion",
                    f"第{r.seq}轮{verb}",
                    str(r.reviewer or r.reviewer_org or ""),
                    lines,
                )
            )
    events += audit_events(item)
    return sorted(events, key=lambda e: e.at)
