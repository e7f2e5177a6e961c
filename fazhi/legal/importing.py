"""Excel import and export of review items: cross-field checks on parsed rows, all-or-nothing writing.

Imported rows are historical ledger lines (often already concluded): each becomes one item with one
review round, numbered in the submitting unit's sequence, and the whole file is one audit entry.
"""

from fazhi.deadlines.calendar import working_days_between
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.orgs.models import Organisation

from .columns import review_sheet
from .models import (
    CONCLUDED,
    REVIEWER_UNIT_KINDS,
    STATES,
    SUBMITTED,
    WITHDRAWN,
    LegalSettings,
    ReviewItem,
    ReviewKind,
    ReviewRound,
    round_dates,
)
from .services import requires_filing


def _row_problems(row: dict, threshold) -> list[tuple[str, str]]:
    problems = []
    status = row.get("status") or SUBMITTED
    if row.get("kind") == ReviewKind.CONTRACT:
        if not row.get("counterparty"):
            problems.append(("合同相对方", "合同须填写合同相对方"))
        if row.get("amount") is None:
            problems.append(("合同金额", "合同须填写合同金额（元）；无金额的填0"))
    if status not in (SUBMITTED, WITHDRAWN) and not row.get("reviewer_org"):
        problems.append(("审查单位", f"状态为“{STATES.labels[status]}”时须填写审查单位"))
    if status == CONCLUDED:
        if not row.get("opinion"):
            problems.append(("审查意见", "已出具意见时须选择审查意见"))
        if not row.get("concluded_on"):
            problems.append(("出具意见日期", "已出具意见时须填写出具意见日期"))
        if not row.get("opinion_text"):
            problems.append(("意见内容", "已出具意见时须填写意见内容"))
    elif row.get("opinion") or row.get("concluded_on"):
        problems.append(("状态", "填写了审查意见或出具意见日期，但状态不是“已出具意见”"))
    if status in ("returned",):
        problems.append(("状态", "退回修改的事项请在系统中办理，不能通过导入登记"))
    submitted, concluded = row.get("submitted_on"), row.get("concluded_on")
    if submitted and concluded and concluded < submitted:
        problems.append(("出具意见日期", "出具意见日期不能早于送审日期"))
    if row.get("filed_on"):
        if status != CONCLUDED or not requires_filing(row.get("kind"), row.get("amount"), threshold):
            problems.append(("备案日期", "只有已出具意见且金额达到备案标准的合同才能填写备案日期"))
        elif concluded and row["filed_on"] < concluded:
            problems.append(("备案日期", "备案日期不能早于出具意见日期"))
    return problems


def insert_items(actor, pairs: list[tuple[ReviewItem, ReviewRound]], *, source: str) -> list[ReviewItem]:
    """Bulk-insert items with their first round (import, demo data), numbered in the submitting unit's
    sequence by the day of submission; one audit entry for the batch."""
    return insert_batch(
        actor,
        ReviewItem,
        [item for item, _ in pairs],
        [[round_] for _, round_ in pairs],
        source,
        owner=lambda item: item.submitted_by,
        day=lambda item: item.submitted_on,
    )


def build(row: dict, submitted_by: Organisation, reviewer_org, threshold) -> tuple[ReviewItem, ReviewRound]:
    status = row.get("status") or SUBMITTED
    due, earliest = round_dates(row["kind"], row["submitted_on"])
    concluded = row.get("concluded_on") if status == CONCLUDED else None
    holder = reviewer_org or submitted_by
    item = ReviewItem(
        org=holder,
        submitted_by=submitted_by,
        status=status,
        kind=row["kind"],
        title=row["title"],
        submitted_on=row["submitted_on"],
        counterparty=row.get("counterparty") or "",
        amount=row.get("amount"),
        requires_filing=requires_filing(row["kind"], row.get("amount"), threshold),
        filed_on=row.get("filed_on"),
        reviewer_org=reviewer_org,
        concluded_on=concluded,
        opinion=(row.get("opinion") or "") if concluded else "",
        due_date=None if status in STATES.closed else due,
        close_reason="Excel导入时已撤回" if status == WITHDRAWN else "",
    )
    round_ = ReviewRound(
        seq=1,
        submitted_on=row["submitted_on"],
        due_date=due,
        earliest_opinion_on=earliest,
        reviewer_org=reviewer_org,
        opinion=item.opinion,
        opinion_text=(row.get("opinion_text") or "") if concluded else "",
        opinion_on=concluded,
        letter_issued=bool(row.get("letter_issued")) if concluded else False,
        working_days=max(working_days_between(row["submitted_on"], concluded), 0) if concluded else None,
        too_short=bool(concluded and earliest and concluded < earliest),
    )
    return item, round_


def import_items(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    orgs = UnitResolver(actor, "审查事项")
    threshold = LegalSettings.current().filing_threshold

    def check(row):
        submitted_by, problem = orgs.holder(row.get("submitted_by") or "", ReviewItem)
        problems = [("送审单位", problem)] if problem else []
        reviewer_org = None
        if row.get("reviewer_org"):
            reviewer_org, problem = orgs.resolve(row["reviewer_org"])
            if problem:
                problems.append(("审查单位", problem))
            elif reviewer_org.kind not in REVIEWER_UNIT_KINDS:
                problems.append(("审查单位", f"“{reviewer_org.name}”不是法律顾问室、司法所等审查单位"))
        problems += _row_problems(row, threshold)
        if problems:
            return problems, None
        return [], build(row, submitted_by, reviewer_org, threshold)

    # the item and its first round both hold dates the kit's rule reads
    pairs, errors = check_rows(rows, review_sheet(), check, dated=lambda pair: pair)
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_items(actor, pairs, source=source))


def export_rows(items):
    """Rows for ``export(review_sheet(), rows)``, units by name (the import reads names back); the
    ledger holds no personal data to mask."""
    for seq, item in enumerate(items, start=1):
        rounds = list(item.rounds.all())
        last = rounds[-1] if rounds else None
        yield {
            "seq": seq,
            "number": item.number,
            "kind": item.kind,
            "title": item.title,
            "submitted_by": item.submitted_by.name,
            "submitted_on": item.submitted_on,
            "counterparty": item.counterparty,
            "amount": item.amount,
            "reviewer_org": item.reviewer_org.name if item.reviewer_org else "",
            "status": item.status,
            "due": item.due_text(),
            "opinion": item.opinion,
            "concluded_on": item.concluded_on,
            "opinion_text": last.opinion_text if last and item.concluded_on else "",
            "letter_issued": bool(last and last.letter_issued) if item.concluded_on else None,
            "filed_on": item.filed_on,
        }


__all__ = ["ImportResult", "export_rows", "import_items", "insert_items", "review_sheet"]
