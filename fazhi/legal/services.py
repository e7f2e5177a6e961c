"""The only way legality review items change: every function checks the actor's right, runs in one
transaction and is audited (through fazhi.ledger.services)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date, today
from fazhi.deadlines.calendar import working_days_between
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import services as ledger
from fazhi.ledger.filtering import parse_id
from fazhi.orgs.models import Organisation, RoleAssignment

from .models import (
    CONCLUDED,
    RETURNED,
    REVIEWER_UNIT_KINDS,
    REVIEWING,
    STATES,
    WITHDRAWN,
    LegalSettings,
    ReviewItem,
    ReviewKind,
    ReviewOpinion,
    ReviewRound,
    round_dates,
)


class NotFoundError(FazhiError):
    code = "not_found"
    status_code = 404


def requires_filing(kind: str, amount: Decimal | None, threshold: Decimal | None = None) -> bool:
    if kind != ReviewKind.CONTRACT or amount is None:
        return False
    if threshold is None:
        threshold = LegalSettings.current().filing_threshold
    return amount >= threshold


def _check_item(item: ReviewItem) -> None:
    if item.kind == ReviewKind.CONTRACT:
        missing = {}
        if not (item.counterparty or "").strip():
            missing["counterparty"] = "合同须填写合同相对方"
        if item.amount is None:
            missing["amount"] = "合同须填写合同金额（元）；无金额的填0"
        if missing:
            raise FazhiError("合同审查事项信息不全：" + "；".join(missing.values()) + "。", fields=missing)


def _clean(obj, exclude=()) -> None:
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise FazhiError(
            "填写有误：" + "；".join("；".join(v) for v in exc.message_dict.values()),
            fields={k: "；".join(v) for k, v in exc.message_dict.items()},
        ) from exc


def submit(
    actor,
    *,
    org: Organisation,
    kind: str,
    title: str,
    submitted_on: datetime.date,
    summary: str = "",
    contact: str = "",
    counterparty: str = "",
    amount: Decimal | None = None,
    materials: str = "",
) -> ReviewItem:
    """A unit (``org``) submits an item for legality review; its first review round starts."""
    if submitted_on > today():
        raise FazhiError("送审日期不能晚于今天，请核对。", fields={"submitted_on": "不能晚于今天"})
    item = ReviewItem(
        org=org,
        submitted_by=org,
        kind=kind,
        title=title,
        summary=summary,
        contact=contact,
        submitted_on=submitted_on,
        counterparty=counterparty,
        amount=amount,
        requires_filing=requires_filing(kind, amount),
    )
    _check_item(item)
    due, earliest = round_dates(kind, submitted_on)
    item.due_date = due
    with transaction.atomic():
        ledger.create(actor, item, year=submitted_on.year)
        ledger.save_part(
            ReviewRound(
                item=item,
                seq=1,
                submitted_on=submitted_on,
                materials=materials,
                due_date=due,
                earliest_opinion_on=earliest,
            )
        )
    return item


EDITABLE = ("title", "summary", "contact", "counterparty", "amount")


def update_details(actor, item: ReviewItem, expected_version: int, **fields) -> ReviewItem:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _check_item(fresh)
        fresh.requires_filing = requires_filing(fresh.kind, fresh.amount)

    return ledger.update(actor, item, expected_version, apply)


def _check_reviewer(reviewer_org: Organisation, reviewer) -> None:
    if reviewer_org.kind not in REVIEWER_UNIT_KINDS:
        raise FazhiError(
            f"“{reviewer_org}”不是审查单位；请选择法律顾问室、司法所、公共法律服务驿站或党政办（法治办）。",
            fields={"reviewer_org": "请选择审查单位"},
        )
    if reviewer is None:
        return
    legal_units = [
        a.org for a in RoleAssignment.objects.filter(user=reviewer, role="legal").select_related("org")
    ]
    if not any(unit.is_within(reviewer_org) or reviewer_org.is_within(unit) for unit in legal_units):
        raise FazhiError(
            f"“{reviewer}”在“{reviewer_org}”没有法律顾问/公职律师/司法所角色，不能指定为审查人。",
            fields={"reviewer": "请选择该审查单位的法律审查人员"},
        )


def assign(
    actor,
    item: ReviewItem,
    expected_version: int,
    reviewer_org: Organisation,
    reviewer=None,
    co_reviewers=None,
) -> ReviewItem:
    """Hand the item to a reviewing unit (and optionally a named reviewer); the record moves there.
    ``co_reviewers``: units reviewing jointly (联合审查, e.g. a 公共法律服务驿站), when given."""
    _check_reviewer(reviewer_org, reviewer)
    ledger.require_write(actor, reviewer_org)
    joint = [org for org in co_reviewers or () if org.pk != reviewer_org.pk]
    if any(org.kind not in REVIEWER_UNIT_KINDS for org in joint):
        raise FazhiError(
            "联合审查单位须为法律顾问室、司法所、公共法律服务驿站或党政办。",
            fields={"co_reviewers": "单位类型不符"},
        )

    def apply(fresh):
        if fresh.status == RETURNED:
            raise TransitionNotAllowed("该事项已退回修改，须由送审单位修改后重新送审，不能直接指派审查。")
        fresh.reviewer_org = reviewer_org
        fresh.reviewer = reviewer
        fresh.org = reviewer_org
        current = fresh.rounds.order_by("-seq").first()
        current.reviewer_org, current.reviewer = reviewer_org, reviewer
        current.save(update_fields=["reviewer_org", "reviewer"])

    with transaction.atomic():
        saved = ledger.transition(actor, item, expected_version, REVIEWING, apply)
        if co_reviewers is not None:
            before = set(saved.co_reviewers.values_list("pk", flat=True))
            saved.co_reviewers.set(joint)
            if before != {org.pk for org in joint}:
                names = "、".join(org.name for org in joint) or "无"
                record(Action.UPDATE, actor=actor, target=saved, changes={"联合审查单位": [None, names]})
    return saved


def latest_round_warning(item: ReviewItem) -> str:
    """How the latest opinion kept the statutory review time (shown after saving an opinion)."""
    return timing_warning(item.rounds.order_by("-seq").first())


def timing_warning(round_: ReviewRound) -> str:
    """A note when the opinion came before the minimum review time or after the due date ("" if neither)."""
    if round_.too_short:
        return (
            f"第{round_.seq}轮在{cn_date(round_.opinion_on)}出具意见，早于规定的最少审查时间"
            f"（{cn_date(round_.earliest_opinion_on)}之前不宜出具），请确认已保证必要的审查时间。"
        )
    if round_.is_late:
        return f"第{round_.seq}轮超过审查期限（{cn_date(round_.due_date)}）出具意见。"
    return ""


def _record_opinion(fresh: ReviewItem, *, opinion: str, text: str, opinion_on: datetime.date, letter: bool):
    current = fresh.rounds.order_by("-seq").first()
    if opinion_on < current.submitted_on:
        raise FazhiError("出具意见日期不能早于送审日期，请核对。", fields={"opinion_on": "不能早于送审日期"})
    if opinion_on > today():
        raise FazhiError("出具意见日期不能晚于今天，请核对。", fields={"opinion_on": "不能晚于今天"})
    if not text.strip():
        raise FazhiError("请填写审查意见内容。", fields={"opinion_text": "请填写意见内容"})
    current.opinion = opinion
    current.opinion_text = text
    current.opinion_on = opinion_on
    current.letter_issued = letter
    current.working_days = max(working_days_between(current.submitted_on, opinion_on), 0)
    current.too_short = bool(current.earliest_opinion_on and opinion_on < current.earliest_opinion_on)
    ledger.save_part(current)
    return current


def conclude(
    actor,
    item: ReviewItem,
    expected_version: int,
    *,
    opinion: str,
    opinion_text: str,
    opinion_on: datetime.date,
    letter_issued: bool = True,
) -> ReviewItem:
    """出具审查意见: the review ends with 合法, 修改后合法 (no resubmission needed) or 不合法."""
    if opinion not in ReviewOpinion.values:
        raise FazhiError("请选择审查意见：合法、修改后合法或不合法。", fields={"opinion": "请选择审查意见"})

    def apply(fresh):
        _record_opinion(
            fresh, opinion=opinion, text=opinion_text, opinion_on=opinion_on, letter=letter_issued
        )
        fresh.opinion = opinion
        fresh.concluded_on = opinion_on
        fresh.due_date = None

    return ledger.transition(actor, item, expected_version, CONCLUDED, apply)


def return_for_revision(
    actor,
    item: ReviewItem,
    expected_version: int,
    *,
    opinion_text: str,
    opinion_on: datetime.date,
    letter_issued: bool = True,
) -> ReviewItem:
    """退回修改: the round ends with 修改后合法 and what to change; the unit revises and resubmits."""

    def apply(fresh):
        current = _record_opinion(
            fresh,
            opinion=ReviewOpinion.LAWFUL_IF_REVISED,
            text=opinion_text,
            opinion_on=opinion_on,
            letter=letter_issued,
        )
        current.returned = True
        current.save(update_fields=["returned"])
        fresh.due_date = None

    return ledger.transition(actor, item, expected_version, RETURNED, apply)


def resubmit(
    actor, item: ReviewItem, expected_version: int, *, submitted_on: datetime.date, materials: str
) -> ReviewItem:
    """The revised item comes back: a new round with its own period, to the same reviewer."""
    if not materials.strip():
        raise FazhiError("请说明修改情况。", fields={"materials": "请填写修改说明"})

    def apply(fresh):
        # 审查中 → 审查中 is a re-assignment in the status machine; only a returned item comes back.
        if fresh.status != RETURNED:
            raise TransitionNotAllowed(
                f"当前状态为“{fresh.status_label}”，不能变更为“审查中”（重新送审）；"
                "只有退回修改的事项才能重新送审。"
            )
        STATES.check(fresh.status, REVIEWING)
        fresh.status = REVIEWING
        last = fresh.rounds.order_by("-seq").first()
        if submitted_on < last.opinion_on:
            raise FazhiError(
                "重新送审日期不能早于上一轮出具意见的日期，请核对。", fields={"submitted_on": "日期有误"}
            )
        if submitted_on > today():
            raise FazhiError("重新送审日期不能晚于今天，请核对。", fields={"submitted_on": "不能晚于今天"})
        due, earliest = round_dates(fresh.kind, submitted_on)
        ledger.save_part(
            ReviewRound(
                item=fresh,
                seq=last.seq + 1,
                submitted_on=submitted_on,
                materials=materials,
                due_date=due,
                earliest_opinion_on=earliest,
                reviewer_org=last.reviewer_org,
                reviewer=last.reviewer,
            )
        )
        fresh.due_date = due

    return ledger.update(actor, item, expected_version, apply, action=Action.TRANSITION)


def withdraw(actor, item: ReviewItem, expected_version: int, *, reason: str) -> ReviewItem:
    if not reason.strip():
        raise FazhiError("请填写撤回原因。", fields={"reason": "请填写撤回原因"})

    def apply(fresh):
        fresh.close_reason = reason
        fresh.due_date = None

    return ledger.transition(actor, item, expected_version, WITHDRAWN, apply)


def file_contract(actor, item: ReviewItem, expected_version: int, *, filed_on: datetime.date, note: str = ""):
    """合同备案 of a contract at or above the threshold, after a favourable opinion."""

    def apply(fresh):
        if problem := fresh.filing_problem():
            raise TransitionNotAllowed(problem)
        if filed_on < fresh.concluded_on or filed_on > today():
            raise FazhiError(
                "备案日期应在出具审查意见之后、今天之前，请核对。", fields={"filed_on": "日期有误"}
            )
        fresh.filed_on = filed_on
        fresh.filing_note = note

    return ledger.update(actor, item, expected_version, apply)


def letter_round(item: ReviewItem, seq=None) -> ReviewRound:
    """The round whose opinion letter is asked for: ``seq``, or the latest round with a letter."""
    rounds = item.rounds.filter(letter_issued=True, opinion_on__isnull=False)
    if seq not in (None, ""):
        rounds = rounds.filter(seq=seq_number) if (seq_number := parse_id(seq)) is not None else rounds.none()
    found = rounds.order_by("-seq").first()
    if found is None:
        raise NotFoundError("该事项没有出具法律意见书（或没有这一轮），无法下载。")
    return found
