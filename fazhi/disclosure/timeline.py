"""The course of one request for its detail page: 收到, 告知补正, 收到补正, 征求意见, 延期, 答复 — on the days
they happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.dates import cn_date
from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import DisclosureRequest


def timeline(request: DisclosureRequest, consultations) -> list[Event]:
    events = [
        Event(
            request.received_on,
            "received",
            f"收到申请（{request.get_channel_display()}）",
            lines=[request.receipt_rule],
            order=FIRST,
        )
    ]
    if request.correction_requested_on:
        lines = [request.correction_points]
        if request.correction_until:
            lines.append(f"补正期限：{cn_date(request.correction_until)}")
        events.append(
            Event(request.correction_requested_on, "correction", "告知补正（答复期限停止计算）", lines=lines)
        )
    if request.correction_received_on:
        events.append(Event(request.correction_received_on, "corrected", "收到补正（答复期限重新计算）"))
    for c in consultations:
        lines = [f"提出意见期限：{cn_date(c.opinion_due)}"] if c.opinion_due else []
        events.append(Event(c.sent_on, "consult", f"{c.get_kind_display()}：{c.addressee}", lines=lines))
        if c.answered_on:
            events.append(Event(c.answered_on, "opinion", f"意见：{c.addressee}", lines=[c.opinion]))
    if request.extension_approved_on:
        lines = [f"批准人：{request.extension_approved_by}"]
        if request.extension_notified_on:
            lines.append(f"{cn_date(request.extension_notified_on)}告知申请人")
        title = f"延长答复期限{request.extension_days}个工作日"
        events.append(Event(request.extension_approved_on, "extension", title, lines=lines))
    if request.replied_on:
        lines = [request.reply_summary] if request.reply_summary else []
        events.append(
            Event(
                request.replied_on,
                "replied",
                f"答复：{request.get_outcome_display()}",
                lines=lines,
                order=LAST,
            )
        )
    return business_timeline(events)
