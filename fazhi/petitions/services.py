"""The only way petitions, citizen demands and 居民议事会 records change: every function checks the actor's
right, runs in one transaction and is audited (through fazhi.ledger.services). Due dates come from the
rules table through ``Petition.refresh_deadlines`` (fazhi.deadlines), never from a number written here."""

import datetime
from dataclasses import dataclass

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date, today
from fazhi.deadlines.rules import get_rule
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import parties as party_kit
from fazhi.ledger import services as ledger
from fazhi.ledger.holders import check_holder
from fazhi.ledger.parties import save_parties
from fazhi.orgs.models import Organisation

from .models import (
    ACCEPTED,
    ANSWERED,
    HANDLED,
    HANDLING_RULE,
    NOT_ACCEPTED,
    REEXAMINED,
    REEXAMINING,
    REVIEWED,
    REVIEWING,
    CitizenDemand,
    Decision,
    Form,
    Petition,
    PetitionerRole,
    PetitionSettings,
    ResidentCouncil,
)


@dataclass
class PartyData(party_kit.PartyData):
    role: str = PetitionerRole.PETITIONER
    address: str = ""


def is_group(persons: int, threshold: int | None = None) -> bool:
    if threshold is None:
        threshold = PetitionSettings.current().group_threshold
    return persons >= threshold


def _not_before(day, earlier, field: str, what: str, than: str) -> None:
    if day and earlier and day < earlier:
        raise FazhiError(f"{what}不能早于{than}，请核对。", fields={field: f"不能早于{than}"})


def _not_future(day, field: str, what: str) -> None:
    if day and day > today():
        raise FazhiError(f"{what}不能晚于今天，请核对。", fields={field: "不能晚于今天"})


def _fill_derived(petition: Petition) -> None:
    petition.is_group = is_group(petition.persons or 1)
    if petition.leader_reception and petition.form != Form.VISIT:
        raise FazhiError("领导接访日接待的信访形式应为来访。", fields={"form": "领导接访日接待的应为来访"})
    if petition.leader_reception and not petition.receiving_leader.strip():
        raise FazhiError(
            "领导接访日接待的信访须填写接访领导。", fields={"receiving_leader": "请填写接访领导"}
        )
    if petition.identity_unclear and petition.transferred:
        raise FazhiError(
            "转送、交办的信访事项应自收到之日起15日内书面告知（《信访工作条例》第二十三条第三款），"
            "该款没有姓名、住址不清的例外；请取消“姓名（名称）、住址不清”，或清空转送、交办机关。",
            fields={"identity_unclear": "转送、交办的事项不适用"},
        )
    petition.refresh_deadlines()


# --- petitions ------------------------------------------------------------------------------------


def register(actor, *, org: Organisation, parties: list[PartyData], **fields) -> Petition:
    """Register a petition (a batch of visitors, a letter, an online or phone petition) received by ``org``."""
    petition = Petition(org=org, **fields)
    _not_future(petition.received_on, "received_on", "收到日期")
    _fill_derived(petition)
    with transaction.atomic():
        ledger.create(actor, petition, year=petition.received_on.year)
        if not parties:
            raise FazhiError("请至少填写一名信访人。", fields={"parties": "请至少填写一名信访人"})
        save_parties(petition, parties)
        record(
            Action.UPDATE,
            actor=actor,
            target=petition,
            changes={"信访人": [None, ledger.parties_text(petition.parties.all())]},
        )
    return petition


EDITABLE = (
    "form",
    "received_on",
    "transferred_from",
    "identity_unclear",
    "matter",
    "category",
    "persons",
    "leader_reception",
    "receiving_leader",
)


def update_details(actor, petition: Petition, expected_version: int, **fields) -> Petition:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _not_future(fresh.received_on, "received_on", "收到日期")
        _not_before(fresh.decided_on, fresh.received_on, "received_on", "告知日期", "收到日期")
        _fill_derived(fresh)

    return ledger.update(actor, petition, expected_version, apply)


def decide_acceptance(
    actor,
    petition: Petition,
    expected_version: int,
    *,
    decision: str,
    decided_on: datetime.date,
    note: str = "",
) -> Petition:
    """受理 or not, with the written notice (告知) given on ``decided_on``. Accepting starts the handling
    period; a transferred matter outside the office's remit is objected to (异议) instead."""
    if decision not in Decision.values:
        raise FazhiError("请选择受理决定。", fields={"decision": "请选择受理决定"})
    if decision != Decision.ACCEPT and not note.strip():
        raise FazhiError("不予受理或提出异议须写明理由。", fields={"note": "请写明理由"})

    def apply(fresh):
        if decision == Decision.OBJECT and not fresh.transferred:
            raise FazhiError(
                "只有转送、交办的信访事项才能向转送、交办机关提出异议；直接提出的请选择受理或不予受理。",
                fields={"decision": "不是转送、交办的事项"},
            )
        _not_before(decided_on, fresh.received_on, "decided_on", "告知日期", "收到日期")
        _not_future(decided_on, "decided_on", "告知日期")
        fresh.decision, fresh.decided_on, fresh.decision_note = decision, decided_on, note

    target = ACCEPTED if decision == Decision.ACCEPT else NOT_ACCEPTED
    return ledger.transition(actor, petition, expected_version, target, apply_then_refresh(apply))


def apply_then_refresh(apply):
    """Run ``apply`` after the status moved, then recompute the due dates for the new stage."""

    def run(fresh):
        apply(fresh)
        fresh.refresh_deadlines()

    return run


def extend_handling(
    actor,
    petition: Petition,
    expected_version: int,
    *,
    days: int,
    reason: str,
    approved_by: str,
    told_on: datetime.date,
) -> Petition:
    """延期办理 (条例第三十四条): once, approved by the organ's head, the petitioner told the reason."""
    rule = get_rule(HANDLING_RULE)
    if not reason.strip():
        raise FazhiError("延期须写明理由，并告知信访人。", fields={"reason": "请填写延期理由"})
    if not approved_by.strip():
        raise FazhiError("延期须经本机关负责人批准，请填写批准人。", fields={"approved_by": "请填写批准人"})
    if days < 1 or days > rule.extension.length:
        raise FazhiError(
            f"延长期限为1至{rule.extension.length}日（{rule.source}：{rule.extension.condition}）。",
            fields={"days": f"1至{rule.extension.length}日"},
        )

    def apply(fresh):
        if fresh.status != ACCEPTED:
            raise TransitionNotAllowed("只有办理中的信访事项才能延期。")
        if fresh.extension_days:
            raise TransitionNotAllowed(f"该信访事项已于此前延长{fresh.extension_days}日，不能再次延期。")
        _not_before(told_on, fresh.decided_on, "told_on", "告知日期", "受理日期")
        _not_future(told_on, "told_on", "告知日期")
        if told_on > fresh.handling_due:
            raise FazhiError(
                f"延期应在办理期限（{cn_date(fresh.handling_due)}）届满前决定并告知信访人，请核对告知日期。",
                fields={"told_on": "晚于原办理期限"},
            )
        fresh.extension_days, fresh.extension_reason = days, reason
        fresh.extension_approved_by, fresh.extension_told_on = approved_by, told_on
        fresh.refresh_deadlines()

    return ledger.update(actor, petition, expected_version, apply)


def issue_opinion(
    actor, petition: Petition, expected_version: int, *, opinion_on: datetime.date, result: str, text: str
) -> Petition:
    """出具信访处理意见书."""
    if not text.strip():
        raise FazhiError("请填写处理意见书要点。", fields={"text": "请填写处理意见书要点"})

    def apply(fresh):
        _not_before(opinion_on, fresh.decided_on, "opinion_on", "出具日期", "受理日期")
        _not_future(opinion_on, "opinion_on", "出具日期")
        fresh.opinion_on, fresh.opinion_result, fresh.opinion_text = opinion_on, result, text

    return ledger.transition(actor, petition, expected_version, ANSWERED, apply_then_refresh(apply))


def request_review(
    actor, petition: Petition, expected_version: int, *, requested_on: datetime.date
) -> Petition:
    """The petitioner asks for 复查: its 30 日 run from the request's receipt (条例第三十五条)."""

    def apply(fresh):
        _not_before(requested_on, fresh.opinion_on, "requested_on", "复查请求日期", "处理意见书日期")
        _not_future(requested_on, "requested_on", "复查请求日期")
        fresh.review_requested_on = requested_on

    return ledger.transition(actor, petition, expected_version, REVIEWING, apply_then_refresh(apply))


def conclude_review(
    actor,
    petition: Petition,
    expected_version: int,
    *,
    reviewed_on: datetime.date,
    result: str,
    text: str = "",
) -> Petition:
    def apply(fresh):
        _not_before(reviewed_on, fresh.review_requested_on, "reviewed_on", "复查意见日期", "复查请求日期")
        _not_future(reviewed_on, "reviewed_on", "复查意见日期")
        fresh.reviewed_on, fresh.review_result, fresh.review_text = reviewed_on, result, text

    return ledger.transition(actor, petition, expected_version, REVIEWED, apply_then_refresh(apply))


def request_reexamination(
    actor, petition: Petition, expected_version: int, *, requested_on: datetime.date
) -> Petition:
    def apply(fresh):
        _not_before(requested_on, fresh.reviewed_on, "requested_on", "复核请求日期", "复查意见日期")
        _not_future(requested_on, "requested_on", "复核请求日期")
        fresh.reexamination_requested_on = requested_on

    return ledger.transition(actor, petition, expected_version, REEXAMINING, apply_then_refresh(apply))


def record_hearing(
    actor,
    petition: Petition,
    expected_version: int,
    *,
    hearing_from: datetime.date,
    hearing_to: datetime.date,
) -> Petition:
    """复核听证: its days are not counted in the 复核 period (条例第三十六条)."""

    def apply(fresh):
        if fresh.status != REEXAMINING:
            raise TransitionNotAllowed("只有复核中的信访事项才能登记听证。")
        _not_before(
            hearing_from, fresh.reexamination_requested_on, "hearing_from", "听证开始日期", "复核请求日期"
        )
        _not_before(hearing_to, hearing_from, "hearing_to", "听证结束日期", "开始日期")
        if hearing_from == fresh.reexamination_requested_on:
            raise FazhiError("听证应在收到复核请求之后举行。", fields={"hearing_from": "应晚于复核请求日期"})
        fresh.hearing_from, fresh.hearing_to = hearing_from, hearing_to
        fresh.refresh_deadlines()

    return ledger.update(actor, petition, expected_version, apply)


def conclude_reexamination(
    actor,
    petition: Petition,
    expected_version: int,
    *,
    reexamined_on: datetime.date,
    result: str,
    text: str = "",
) -> Petition:
    def apply(fresh):
        _not_before(
            reexamined_on, fresh.reexamination_requested_on, "reexamined_on", "复核意见日期", "复核请求日期"
        )
        _not_future(reexamined_on, "reexamined_on", "复核意见日期")
        fresh.reexamined_on, fresh.reexamination_result, fresh.reexamination_text = (
            reexamined_on,
            result,
            text,
        )

    return ledger.transition(actor, petition, expected_version, REEXAMINED, apply_then_refresh(apply))


def record_satisfaction(
    actor, petition: Petition, expected_version: int, *, evaluated_on: datetime.date, satisfaction: str
) -> Petition:
    """The petitioner's evaluation of the result (满意度评价), once an opinion has been given."""

    def apply(fresh):
        if fresh.status not in (ANSWERED, REVIEWING, REVIEWED, REEXAMINING, REEXAMINED):
            raise TransitionNotAllowed("出具处理意见书后才能登记评价。")
        _not_before(evaluated_on, fresh.opinion_on, "evaluated_on", "评价日期", "处理意见书日期")
        _not_future(evaluated_on, "evaluated_on", "评价日期")
        fresh.evaluated_on, fresh.satisfaction = evaluated_on, satisfaction

    return ledger.update(actor, petition, expected_version, apply)


def to_dispute(
    actor, petition: Petition, expected_version: int, *, org: Organisation, dispute_type, summary: str = ""
):
    """Hand the matter to mediation: a dispute registered with the petitioners as applicants, and the link
    kept on both sides (``petition.dispute`` and ``dispute.petitions``) — one transaction, both audited."""
    from fazhi.disputes import services as disputes
    from fazhi.disputes.models import Channel as DisputeChannel
    from fazhi.disputes.models import Dispute

    # a mediation unit (the dispute ledger's holder_kinds), refused before anything is written
    check_holder(Dispute, org)
    with transaction.atomic():
        fresh = Petition.objects.select_for_update().get(pk=petition.pk)
        if fresh.dispute_id:
            raise TransitionNotAllowed(f"该信访事项已转为矛盾纠纷{fresh.dispute.number}。")
        applicants = [
            disputes.PartyData(name=p.name, id_number=p.id_number, phone=p.phone, address=p.address)
            for p in fresh.parties.all()
        ]
        dispute = disputes.intake(
            actor,
            org=org,
            parties=applicants,
            channel=DisputeChannel.VISIT,
            external_number=fresh.number,
            received_on=today(),
            dispute_type=dispute_type,
            summary=summary.strip() or f"信访事项{fresh.number}转入调解：{fresh.matter}",
            persons_involved=max(fresh.persons, 2),
        )

        def apply(record_):
            record_.dispute = dispute

        return ledger.update(actor, fresh, expected_version, apply)


# --- citizen demands -------------------------------------------------------------------------------


def check_demand(demand: CitizenDemand) -> None:
    """The checks every way of writing a demand shares (pages, API, an import's updates)."""
    _not_future(demand.received_on, "received_on", "受理日期")
    _not_before(demand.handled_on, demand.received_on, "handled_on", "办结日期", "受理日期")
    demand.external_number = demand.external_number.strip()
    duplicate = CitizenDemand.objects.filter(
        channel=demand.channel, external_number=demand.external_number
    ).exclude(pk=demand.pk)
    if demand.external_number and duplicate.exists():
        raise FazhiError(
            f"{demand.get_channel_display()}工单{demand.external_number}已经登记过，不能重复登记。",
            fields={"external_number": "已登记过"},
        )


def register_demand(actor, *, org: Organisation, **fields) -> CitizenDemand:
    demand = CitizenDemand(org=org, **fields)
    check_demand(demand)
    return ledger.create(actor, demand, year=demand.received_on.year)


DEMAND_EDITABLE = ("channel", "external_number", "received_on", "category", "content", "due_date")


def update_demand(actor, demand: CitizenDemand, expected_version: int, **fields) -> CitizenDemand:
    ledger.require_editable(fields, DEMAND_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        check_demand(fresh)

    return ledger.update(actor, demand, expected_version, apply)


def handle_demand(
    actor,
    demand: CitizenDemand,
    expected_version: int,
    *,
    handled_on: datetime.date,
    reply: str,
    resolved: bool,
    satisfaction: str = "",
) -> CitizenDemand:
    if not reply.strip():
        raise FazhiError("请填写办理情况。", fields={"reply": "请填写办理情况"})

    def apply(fresh):
        _not_before(handled_on, fresh.received_on, "handled_on", "办结日期", "受理日期")
        _not_future(handled_on, "handled_on", "办结日期")
        fresh.handled_on, fresh.reply, fresh.resolved = handled_on, reply, resolved
        fresh.satisfied = {"satisfied": True, "unsatisfied": False}.get(satisfaction)

    return ledger.transition(actor, demand, expected_version, HANDLED, apply)


# --- 居民议事会 --------------------------------------------------------------------------------------


def _check_council(council: ResidentCouncil) -> None:
    _not_future(council.held_on, "held_on", "召开日期")
    if council.topics_resolved > council.topics_raised:
        raise FazhiError(
            "解决的议题数不能多于提出的议题数。", fields={"topics_resolved": "不能多于提出的议题数"}
        )


def record_council(actor, *, org: Organisation, **fields) -> ResidentCouncil:
    council = ResidentCouncil(org=org, **fields)
    _check_council(council)
    return ledger.create(actor, council, year=council.held_on.year)


COUNCIL_EDITABLE = ("held_on", "topics_raised", "topics_resolved", "topics", "participants")


def update_council(actor, council: ResidentCouncil, expected_version: int, **fields) -> ResidentCouncil:
    ledger.require_editable(fields, COUNCIL_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _check_council(fresh)

    return ledger.update(actor, council, expected_version, apply)
