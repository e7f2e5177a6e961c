"""The course of one petition for its detail page: 收到, 受理告知, 延期, 处理意见书, 复查, 复核, 评价 — on the
days they happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import CitizenDemand, Petition, ResidentCouncil


def timeline(p: Petition) -> list[Event]:
    source = f"（{p.transferred_from}转送、交办）" if p.transferred else ""
    reception = f"；领导接访日，{p.receiving_leader}接待" if p.leader_reception else ""
    events = [
        Event(
            p.received_on,
            "received",
            f"收到：{p.get_form_display()}{source}，{p.persons}人{reception}",
            order=FIRST,
        )
    ]
    if p.decided_on:
        events.append(
            Event(p.decided_on, "decision", f"受理告知：{p.get_decision_display()}", lines=[p.decision_note])
        )
    if p.extension_told_on:
        events.append(
            Event(
                p.extension_told_on,
                "extension",
                f"延期{p.extension_days}日（{p.extension_approved_by}批准），已告知信访人延期理由",
                lines=[p.extension_reason],
            )
        )
    if p.opinion_on:
        events.append(
            Event(
                p.opinion_on,
                "opinion",
                f"出具信访处理意见书：{p.get_opinion_result_display()}",
                lines=[p.opinion_text],
            )
        )
    if p.review_requested_on:
        events.append(Event(p.review_requested_on, "review_request", "收到复查请求"))
    if p.reviewed_on:
        events.append(
            Event(
                p.reviewed_on, "review", f"复查意见：{p.get_review_result_display()}", lines=[p.review_text]
            )
        )
    if p.reexamination_requested_on:
        events.append(Event(p.reexamination_requested_on, "reexamination_request", "收到复核请求"))
    if p.hearing_from:
        events.append(
            Event(p.hearing_from, "hearing", f"复核听证（至{p.hearing_to:%Y-%m-%d}，不计入复核期限）")
        )
    if p.reexamined_on:
        events.append(
            Event(
                p.reexamined_on,
                "reexamination",
                f"复核意见：{p.get_reexamination_result_display()}",
                lines=[p.reexamination_text],
            )
        )
    if p.evaluated_on:
        events.append(
            Event(p.evaluated_on, "evaluation", f"信访人评价：{p.get_satisfaction_display()}", order=LAST)
        )
    return business_timeline(events)


def demand_timeline(d: CitizenDemand) -> list[Event]:
    ticket = f"，工单{d.external_number}" if d.external_number else ""
    events = [Event(d.received_on, "received", f"受理：{d.get_channel_display()}{ticket}", order=FIRST)]
    if d.handled_on:
        title = f"办结：{'已解决' if d.resolved else '未解决'}"
        events.append(Event(d.handled_on, "handled", title, lines=[d.reply], order=LAST))
    return business_timeline(events)


def council_timeline(c: ResidentCouncil) -> list[Event]:
    title = f"召开居民议事会：提出议题{c.topics_raised}条，解决{c.topics_resolved}条"
    return [Event(c.held_on, "held", title, lines=[c.topics])]
