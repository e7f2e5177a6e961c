"""The only way 主动公开 postings change (the postings log behind table 二 of the yearly report): every
function checks the actor's right, runs in one transaction and is audited (fazhi.ledger.services).

A posting is logged when the information is formed or changed; from that day it must be published within
20 工作日 (条例第二十六条). One logged after the fact names its 公开日期 at once and is 已公开 from the
start; a 规范性文件 may later be repealed."""

import datetime
from decimal import Decimal

from fazhi.dates import cn_date
from fazhi.errors import FazhiError
from fazhi.ledger import services as ledger
from fazhi.orgs.models import Organisation

from .models import (
    DECISION_KINDS,
    DOCUMENT_KINDS,
    HOLDER_KINDS,
    PUBLISHED,
    REPEALED,
    Posting,
    PostingKind,
)

EDITABLE = ("kind", "title", "document_number", "venue", "formed_on", "decisions", "fee_amount", "link")


def check_posting(posting: Posting) -> None:
    """What each kind must say: a decision count for 许可/处罚/强制, an amount for 收费 (the cells of
    table 二 they fill)."""
    if posting.kind not in PostingKind.values:
        raise FazhiError("请选择公开类别。", fields={"kind": "请选择公开类别"})
    if posting.kind in DECISION_KINDS and not posting.decisions:
        raise FazhiError(
            f"{posting.get_kind_display()}请填写本条公示的处理决定数量（至少1件）。",
            fields={"decisions": "至少1件"},
        )
    if posting.kind not in DECISION_KINDS:
        posting.decisions = 1
    if posting.kind == PostingKind.FEE:
        if posting.fee_amount is None:
            raise FazhiError(
                "行政事业性收费请填写收费金额（万元），没有收费的填0。", fields={"fee_amount": "请填写金额"}
            )
    else:
        posting.fee_amount = None
    if posting.published_on and posting.published_on < posting.formed_on:
        raise FazhiError(
            f"公开日期{cn_date(posting.published_on)}早于信息形成日期{cn_date(posting.formed_on)}，请核对。",
            fields={"published_on": "不能早于信息形成日期"},
        )


def register(
    actor,
    *,
    org: Organisation,
    kind: str,
    title: str,
    formed_on: datetime.date,
    venue: str = "portal",
    document_number: str = "",
    published_on: datetime.date | None = None,
    decisions: int | None = 1,
    fee_amount: Decimal | None = None,
    link: str = "",
) -> Posting:
    """Log a posting of ``org``; with ``published_on`` it is already out, otherwise its 20 工作日 run."""
    if org.kind not in HOLDER_KINDS:
        raise FazhiError(
            f"“{org.name}”不是主动公开的责任单位；请选择街道办事处或其政府信息公开工作机构（党政办）。",
            fields={"org": "请选择街道办事处或党政办"},
        )
    if not title.strip():
        raise FazhiError("请填写信息名称。", fields={"title": "请填写信息名称"})
    posting = Posting(
        org=org,
        kind=kind,
        title=title.strip(),
        document_number=document_number,
        venue=venue,
        formed_on=formed_on,
        published_on=published_on,
        decisions=decisions or 0,
        fee_amount=fee_amount,
        link=link,
        status=PUBLISHED if published_on else "",
    )
    check_posting(posting)
    posting.refresh_deadlines()
    return ledger.create(actor, posting, year=formed_on.year)


def update_details(actor, posting: Posting, expected_version: int, **fields) -> Posting:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        if fresh.kind not in DOCUMENT_KINDS and fresh.repealed_on:
            raise FazhiError("已废止的信息只能是规章或规范性文件。", fields={"kind": "已废止"})
        check_posting(fresh)
        fresh.refresh_deadlines()

    return ledger.update(actor, posting, expected_version, apply)


def publish(actor, posting: Posting, expected_version: int, *, published_on: datetime.date, link: str = ""):
    """公开: the day it went out (and where to find it)."""

    def apply(fresh):
        fresh.published_on = published_on
        if link:
            fresh.link = link
        check_posting(fresh)

    return ledger.transition(actor, posting, expected_version, PUBLISHED, apply)


def publish_warning(posting: Posting) -> str:
    if posting.late:
        return (
            f"公开日期晚于法定期限{posting.due_label()}（条例第二十六条：形成或者变更之日起20个工作日内）。"
        )
    return ""


def repeal_problem(posting: Posting, repealed_on: datetime.date) -> tuple[str, str] | None:
    """Why ``posting`` cannot be repealed on ``repealed_on`` — (the message, the field's hint) — or None: only
    a 规章 or 规范性文件 is repealed, and not before it was made. The page's 废止 and an imported log's 废止日期."""
    if posting.kind not in DOCUMENT_KINDS:
        return (
            f"只有规章和行政规范性文件可以登记废止，“{posting.get_kind_display()}”不能废止。",
            "该类别不能废止",
        )
    if repealed_on < posting.formed_on:
        message = f"废止日期{cn_date(repealed_on)}早于印发日期{cn_date(posting.formed_on)}，请核对。"
        return message, "不能早于印发日期"
    return None


def repeal(actor, posting: Posting, expected_version: int, *, repealed_on: datetime.date, note: str = ""):
    """废止 a published 规章 or 规范性文件: it leaves table 二's 现行有效 from that day."""

    def apply(fresh):
        if problem := repeal_problem(fresh, repealed_on):
            message, hint = problem
            raise FazhiError(message, fields={"repealed_on": hint})
        fresh.repealed_on = repealed_on
        fresh.repeal_note = note

    return ledger.transition(actor, posting, expected_version, REPEALED, apply)
