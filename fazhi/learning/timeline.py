"""What happened on which day, for the detail pages of the learning records (the audit trail is shown
folded below, by fazhi.ledger.history). An activity is one day's event; a 法律明白人 may also leave."""

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import AdviserAssignment, LegalLiterate, ModelCommunity, PufaEvent, ServiceRecord


def timeline(record) -> list[Event]:
    if isinstance(record, LegalLiterate):
        events = [Event(record.appointed_on, "appointed", f"聘任为法律明白人：{record.org}", order=FIRST)]
        if record.left_on:
            events.append(Event(record.left_on, "left", "退出法律明白人队伍", order=LAST))
        return business_timeline(events)
    if isinstance(record, AdviserAssignment):
        events = [
            Event(
                record.term_start, "term_start", f"聘任为{record.org}法律顾问：{record.lawyer}", order=FIRST
            )
        ]
        if record.term_end:
            events.append(Event(record.term_end, "term_end", "聘期届满", order=LAST))
        return business_timeline(events)
    if isinstance(record, ModelCommunity):
        events = [Event(record.awarded_on, "awarded", f"命名为{record.title}", order=FIRST)]
        if record.revoked_on:
            events.append(Event(record.revoked_on, "revoked", "撤销命名", order=LAST))
        return business_timeline(events)
    if isinstance(record, ServiceRecord):
        return [Event(record.served_on, "service", str(record), lines=[record.summary])]
    lines = [str(line) for line in record.materials.all()] if isinstance(record, PufaEvent) else []
    return [Event(record.held_on, "activity", f"{record._meta.verbose_name}：{record.title}", lines=lines)]
