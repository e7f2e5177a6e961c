"""Excel import and export of disputes: cross-field checks on parsed rows, all-or-nothing writing,
and export rows as the ledger kit's masking policy allows the reader."""

from decimal import Decimal

from fazhi.ledger.importing import ImportResult, UnitResolver, check_rows
from fazhi.ledger.parties import export_value
from fazhi.orgs.models import Organisation

from .bulk import NewDispute, insert_many
from .columns import dispute_sheet
from .models import FAILED, STATES, SUCCESS, WITHDRAWN, Dispute, DisputeType, Party, PartyRole


def _row_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    status = row.get("status") or STATES.initial
    closed = status in STATES.closed
    if closed and not row.get("concluded_on"):
        problems.append(("办结日期", f"状态为“{STATES.labels[status]}”时必填办结日期"))
    if row.get("concluded_on") and row.get("received_on") and row["concluded_on"] < row["received_on"]:
        problems.append(("办结日期", "办结日期不能早于受理日期"))
    if row.get("concluded_on") and not closed:
        problems.append(("状态", "填写了办结日期，但状态不是已办结的状态（调解成功、调解不成或已撤回）"))
    if status == SUCCESS and not row.get("result"):
        problems.append(("调解结果", "调解成功时须填写协议内容"))
    if status == FAILED and not row.get("referred_to"):
        problems.append(("引导去向", "调解不成时须选择引导去向"))
    if status == WITHDRAWN and not row.get("result"):
        problems.append(("调解结果", "撤回时须填写撤回原因"))
    if (row.get("applicant_id") or row.get("applicant_phone")) and not row.get("applicant"):
        problems.append(("申请人", "填写了身份证号或电话，但没有填写申请人姓名"))
    return problems


def _new_dispute(row: dict, org: Organisation, types: dict, threshold: int) -> NewDispute:
    status = row.get("status") or STATES.initial
    persons = row.get("persons_involved") or 2
    dispute = Dispute(
        org=org,
        received_by=org,
        status=status,
        channel=row["channel"],
        external_number=row.get("external_number") or "",
        received_on=row["received_on"],
        dispute_type=types[row["dispute_type"]],
        summary=row["summary"],
        handler=row.get("handler") or "",
        persons_involved=persons,
        amount_involved=row.get("amount_involved") or Decimal("0"),
        is_group=persons >= threshold,
        concluded_on=row.get("concluded_on"),
        agreement_text=(row.get("result") or "") if status == SUCCESS else "",
        close_reason=(row.get("result") or "") if status in (FAILED, WITHDRAWN) else "",
        referred_to=row.get("referred_to") or "",
        amount_agreed=row.get("amount_agreed"),
        amount_recovered=row.get("amount_recovered"),
    )
    parties = [
        Party(
            role=PartyRole.APPLICANT,
            name=row["applicant"],
            id_number=row.get("applicant_id") or "",
            phone=row.get("applicant_phone") or "",
        )
    ]
    if row.get("respondent"):
        parties.append(
            Party(role=PartyRole.RESPONDENT, name=row["respondent"], phone=row.get("respondent_phone") or "")
        )
    return NewDispute(dispute, parties)


def import_disputes(actor, rows: list[dict], *, source: str = "Excel导入") -> ImportResult:
    """Check every parsed row against the database and the actor's rights; write all rows or none."""
    from .models import DisputeSettings

    orgs = UnitResolver(actor, "纠纷")
    types = {t.name: t for t in DisputeType.objects.all()}
    threshold = DisputeSettings.current().group_threshold

    def check(row):
        org, problem = orgs.holder(row.get("org") or "", Dispute)
        problems = [("承办单位", problem)] if problem else []
        if row.get("dispute_type") not in types:
            problems.append(("纠纷类型", "纠纷类型不在系统的类型列表中；请从下拉列表中选择"))
        problems += _row_problems(row)
        if problems:
            return problems, None
        return [], _new_dispute(row, org, types, threshold)

    items, errors = check_rows(rows, dispute_sheet(), check, dated=lambda item: [item.dispute])
    if errors:
        return ImportResult(errors=errors)
    return ImportResult(created=insert_many(actor, items, source=source))


def export_rows(user, disputes):
    """Rows for ``export(dispute_sheet(), rows)``; ID numbers and phones as the ledger kit's policy lets
    the person see them in a file; units by name, which the import reads back."""
    for seq, d in enumerate(disputes, start=1):
        parties = list(d.parties.all())
        applicant = next((p for p in parties if p.role == PartyRole.APPLICANT), None)
        respondent = next((p for p in parties if p.role == PartyRole.RESPONDENT), None)

        def personal(kind, party, d=d):
            return export_value(user, d.org, kind, getattr(party, kind)) if party else ""

        yield {
            "seq": seq,
            "number": d.number,
            "received_on": d.received_on,
            "channel": d.channel,
            "external_number": d.external_number,
            "dispute_type": d.dispute_type.name,
            "org": d.org.name,
            "applicant": applicant.name if applicant else "",
            "applicant_id": personal("id_number", applicant),
            "applicant_phone": personal("phone", applicant),
            "respondent": respondent.name if respondent else "",
            "respondent_phone": personal("phone", respondent),
            "summary": d.summary,
            "handler": d.handler,
            "persons_involved": d.persons_involved,
            "amount_involved": d.amount_involved,
            "status": d.status,
            "due": d.due_text(),
            "concluded_on": d.concluded_on,
            "result": d.agreement_text or d.close_reason,
            "referred_to": d.referred_to,
            "amount_agreed": d.amount_agreed,
            "amount_recovered": d.amount_recovered,
        }


__all__ = ["ImportResult", "dispute_sheet", "export_rows", "import_disputes"]
