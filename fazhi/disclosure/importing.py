"""Excel import and export of disclosure requests: cross-field checks on parsed rows, all-or-nothing
writing through the ledger kit's ``insert_batch``, and export rows as the masking policy allows."""

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.ledger.bulk import insert_batch
from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.ledger.parties import export_value

from .columns import posting_sheet, request_sheet
from .models import (
    PUBLISHED,
    RECEIVED,
    REPEALED,
    REPLIED,
    Applicant,
    ApplicantRole,
    Channel,
    DisclosureRequest,
    Posting,
    Venue,
)
from .proactive import check_posting, repeal_problem


def _row_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    submitted, received, replied = row.get("submitted_on"), row.get("received_on"), row.get("replied_on")
    if submitted and received and received < submitted:
        problems.append(("收到申请日期", "收到申请日期不能早于申请提交日期"))
    if row.get("channel") == Channel.IN_PERSON and submitted and received and submitted != received:
        problems.append(("收到申请日期", "当面提交的，收到申请日期应与提交日期相同（条例第三十一条）"))
    if received and received > today():
        problems.append(("收到申请日期", "收到申请日期不能晚于今天"))
    if replied and not row.get("outcome"):
        problems.append(("办理结果", "填写了答复日期，须选择办理结果"))
    if row.get("outcome") and not replied:
        problems.append(("答复日期", "选择了办理结果，须填写答复日期"))
    if replied and received and replied < received:
        problems.append(("答复日期", "答复日期不能早于收到申请日期"))
    if replied and replied > today():
        problems.append(("答复日期", "答复日期不能晚于今天"))
    return problems


def new_request(row: dict, org) -> tuple[DisclosureRequest, list[Applicant]]:
    request = DisclosureRequest(
        org=org,
        status=REPLIED if row.get("replied_on") else RECEIVED,
        channel=row["channel"],
        submitted_on=row["submitted_on"],
        received_on=row["received_on"],
        applicant_kind=row["applicant_kind"],
        content=row["content"],
        replied_on=row.get("replied_on"),
        outcome=row.get("outcome") or "",
        reply_summary=row.get("reply_summary") or "",
    )
    request.refresh_deadlines(consultations=[])
    applicant = Applicant(
        role=ApplicantRole.APPLICANT,
        name=row["applicant"],
        id_number=row.get("applicant_id") or "",
        phone=row.get("applicant_phone") or "",
    )
    return request, [applicant]


def insert_requests(actor, items, *, source: str) -> list[DisclosureRequest]:
    return insert_batch(
        actor,
        DisclosureRequest,
        [request for request, _ in items],
        [applicants for _, applicants in items],
        source,
        owner=lambda r: r.org,
        day=lambda r: r.received_on,
    )


def import_requests(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    orgs = UnitResolver(actor, "政府信息公开申请")

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", DisclosureRequest)
        problems = [("办理单位", problem)] if problem else []
        problems += _row_problems(row)
        if problems:
            return problems, None
        return [], new_request(row, org)

    # the applicant holds no date: the request alone gets the kit's date rule
    items, errors = check_rows(rows, request_sheet(), check, dated=lambda pair: [pair[0]])
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_requests(actor, items, source=source))


def export_rows(user, requests):
    for seq, r in enumerate(requests, start=1):
        applicant = next((p for p in r.parties.all() if p.role == ApplicantRole.APPLICANT), None)

        def personal(kind, r=r, applicant=applicant):
            return export_value(user, r.org, kind, getattr(applicant, kind)) if applicant else ""

        yield {
            "seq": seq,
            "number": r.number,
            "org": r.org.name,
            "channel": r.channel,
            "submitted_on": r.submitted_on,
            "received_on": r.received_on,
            "applicant_kind": r.applicant_kind,
            "applicant": applicant.name if applicant else "",
            "applicant_id": personal("id_number"),
            "applicant_phone": personal("phone"),
            "content": r.content,
            "due": r.due_text(),
            "replied_on": r.replied_on,
            "outcome": r.outcome,
            "reply_summary": r.reply_summary,
        }


# --- 主动公开 postings ------------------------------------------------------------------------------------

# The columns a posting service error names, by the field it names (the same rule as the posting's form).
_POSTING_COLUMNS = {"kind": "公开类别", "decisions": "处理决定数量", "fee_amount": "收费金额（万元）",
                    "published_on": "公开日期"}  # fmt: skip


def _new_posting(row: dict, org) -> Posting:
    published, repealed = row.get("published_on"), row.get("repealed_on")
    posting = Posting(
        org=org,
        kind=row["kind"],
        title=row["title"].strip(),
        document_number=row.get("document_number") or "",
        venue=row.get("venue") or Venue.PORTAL,
        formed_on=row["formed_on"],
        published_on=published,
        decisions=row.get("decisions") or 0,
        fee_amount=row.get("fee_amount"),
        link=row.get("link") or "",
        repealed_on=repealed,
        status=REPEALED if repealed else PUBLISHED if published else "",
    )
    posting.refresh_deadlines()
    return posting


def _posting_problems(posting: Posting) -> list[tuple[str, str]]:
    problems = []
    try:
        check_posting(posting)  # what the posting's own form is held to
    except FazhiError as exc:
        for field, message in (exc.fields or {"kind": exc.message}).items():
            problems.append((_POSTING_COLUMNS.get(field, "公开类别"), message))
    if posting.repealed_on:
        if problem := repeal_problem(posting, posting.repealed_on):  # what the page's 废止 is held to
            problems.append(("废止日期", problem[0]))
        elif not posting.published_on:
            problems.append(("废止日期", "已废止的文件须填写公开日期"))
    return problems


def import_postings(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """The 主动公开 log from a sheet: every bad cell named, all rows written or none."""
    orgs = UnitResolver(actor, "主动公开信息")

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", Posting)
        if problem:  # the posting's own checks need its unit
            return [("公开单位", problem)], None
        posting = _new_posting(row, org)
        return _posting_problems(posting), posting

    postings, errors = check_rows(rows, posting_sheet(), check)
    if errors:
        return ImportResult(errors=errors)
    created = insert_batch(
        actor, Posting, postings, source=source, owner=lambda p: p.org, day=lambda p: p.formed_on
    )
    return ImportResult(created=created)


def posting_rows(user, postings):
    for seq, p in enumerate(postings, start=1):
        yield {
            "seq": seq,
            "number": p.number,
            "org": p.org.name,
            "kind": p.kind,
            "title": p.title,
            "document_number": p.document_number,
            "venue": p.venue,
            "formed_on": p.formed_on,
            "published_on": p.published_on,
            "decisions": p.decisions,
            "fee_amount": p.fee_amount,
            "link": p.link,
            "repealed_on": p.repealed_on,
            "due": p.due_text(),
        }
