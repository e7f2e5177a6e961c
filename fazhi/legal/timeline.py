"""The course of one review item for its detail page: each round's submission and opinion, filing and
withdrawal, on the days they happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from django.utils import timezone

from fazhi.dates import cn_date
from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import WITHDRAWN, ReviewItem


def timeline(item: ReviewItem) -> list[Event]:
    events = []
    for r in item.rounds.select_related("reviewer_org", "reviewer"):
        lines = [r.materials]
        if r.due_date:
            lines.append(f"审查期限：{cn_date(r.due_date)}")
        if r.earliest_opinion_on:
            day = r.earliest_opinion_on
            lines.append(f"最早出具意见日期：{cn_date(day)}")
        title = f"送审：{item.submitted_by}" if r.seq == 1 else f"第{r.seq}轮重新送审"
        events.append(Event(r.submitted_on, "round", title, lines=lines, order=FIRST))
        if r.opinion_on:
            verb = "退回修改" if r.returned else "出具审查意见"
            lines = [f"结论：{r.get_opinion_display()}", r.opinion_text]
            if r.working_days is not None:
                lines.append(f"审查用时{r.working_days}个工作日")
            who = str(r.reviewer or r.reviewer_org or "")
            events.append(Event(r.opinion_on, "opinion", f"第{r.seq}轮{verb}", who, lines, order=LAST - 1))
    if item.filed_on:
        events.append(Event(item.filed_on, "filing", "合同备案", lines=[item.filing_note], order=LAST))
    if item.status == WITHDRAWN and item.updated_at:
        # A withdrawal has no date field of its own: the day it was saved is the day it happened.
        day = timezone.localtime(item.updated_at).date()
        events.append(
            Event(day, "withdrawn", "撤回", lines=[item.close_reason], order=LAST, at=item.updated_at)
        )
    return business_timeline(events)
